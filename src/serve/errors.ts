/**
 * API errors: `{ error: { code, message } }` with a Chinese message. The readers' JuesuanError codes
 * map to HTTP statuses here, in one table; anything else is a 500 without internals.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { JuesuanError, type JuesuanErrorCode } from '../model/errors.js';
import { StoreError } from '../store/errors.js';

export type ApiErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'too_large'
  | 'unsupported_type'
  | 'unreadable'
  | 'conflict'
  | 'internal'
  | JuesuanErrorCode;

/** An error the API answers with its own status and message. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;

  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

/** A reader's (or the store's) JuesuanError → HTTP status: the file's fault is 4xx, never 500. */
const READER_STATUS: Record<JuesuanErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  not_a_file: 400,
  empty: 422,
  binary: 415,
  unsupported_format: 415,
  undecodable: 415,
  not_a_document: 422,
  too_large: 413,
  bad_config: 400,
  needs_async: 415,
  encrypted: 422,
  corrupt: 422,
  no_text_layer: 422,
  limit_exceeded: 422,
};

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) return new ApiError(error.code === 'not_found' ? 404 : 400, error.code, error.message);
  if (error instanceof JuesuanError) return new ApiError(READER_STATUS[error.code] ?? 422, error.code, error.message);
  return new ApiError(500, 'internal', '服务器内部错误，请稍后重试；如果问题持续，请联系管理员并附上操作步骤');
}

export function errorResponse(c: Context, error: ApiError): Response {
  return c.json({ error: { code: error.code, message: error.message } }, error.status);
}
