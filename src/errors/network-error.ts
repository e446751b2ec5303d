import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/** The request never got a response (offline, DNS, connection reset, CORS failure). Retried for idempotent requests. */
export class NetworkError extends FetchwiseError {
  override readonly name = 'NetworkError' as const;

  constructor(request: RequestSummary, options: { retryable: boolean; cause?: unknown }) {
    super(`${request.method} ${request.url} failed: network error`, request, options);
  }
}
