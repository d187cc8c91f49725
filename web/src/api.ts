/**
 * The HTTP API of `juesuan serve` as the web app uses it (routes and shapes: the contract in
 * src/serve). Errors come back as `{ error: { code, message } }` with a Chinese message, which is
 * what the user sees.
 */
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import type { ReportDetail, UploadResult } from '../../src/model/api.js';

export type { Finding, Report };
export type { AuditEntry, EditResult, ReportDetail, ReportList, ReportSummary, UploadResult } from '../../src/model/api.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = 'http_' + res.status;
  let message = `服务器返回错误（HTTP ${res.status}）`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiError(res.status, code, message);
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络或服务是否已启动');
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

export const getJson = <T>(url: string): Promise<T> => request<T>(url);

export function sendJson<T>(method: 'PATCH' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return request<T>(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Query string from a record, dropping empty values; arrays repeat the key (entity=a&entity=b). */
export function query(params: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Normalise a finding that may come as a stored row (flat table/row/column, snake_case) to the model's shape. */
export function normaliseFinding(raw: unknown): Finding {
  const f = raw as Record<string, unknown> & Partial<Finding>;
  const location = (f.location ?? {}) as Finding['location'];
  const pick = (k: 'table' | 'row' | 'column'): string | undefined =>
    location[k] ?? (typeof f[k] === 'string' ? (f[k] as string) : undefined) ?? (typeof f[`${k}_id`] === 'string' ? (f[`${k}_id`] as string) : undefined);
  const loc: Finding['location'] = { ...location };
  for (const k of ['table', 'row', 'column'] as const) {
    const v = pick(k);
    if (v !== undefined) loc[k] = v;
  }
  return {
    ...(f as Finding),
    ruleId: (f.ruleId ?? (f['rule_id'] as string | undefined) ?? (f['rule'] as string | undefined) ?? '') as string,
    location: loc,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
  };
}

export function getReport(id: number): Promise<ReportDetail> {
  return getJson<ReportDetail>(`/api/reports/${id}`).then((d) => ({ ...d, findings: (d.findings ?? []).map(normaliseFinding) }));
}

export function downloadUrl(id: number, format: string): string {
  return `/api/reports/${id}/download?format=${encodeURIComponent(format)}`;
}

/**
 * Upload one file as multipart `file`, reporting the bytes sent (XMLHttpRequest: fetch cannot
 * report upload progress). Resolves with the stored report or rejects with the server's message.
 */
export function uploadFile(file: File, onProgress: (sent: number, total: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network', '上传失败：无法连接服务器'));
    xhr.ontimeout = () => reject(new ApiError(0, 'timeout', '上传超时'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // fall through to the generic message
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as UploadResult);
      const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? `http_${xhr.status}`, err?.message ?? `上传失败（HTTP ${xhr.status}）`));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
