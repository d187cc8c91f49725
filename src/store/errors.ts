/** A store error the API maps to a status: not_found → 404, bad_request → 400. Message in Chinese. */
export class StoreError extends Error {
  readonly code: 'not_found' | 'bad_request';
  constructor(code: 'not_found' | 'bad_request', message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
