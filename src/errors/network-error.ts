import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/** The request never got a response (offline, DNS, connection reset, CORS failure). Retried for idempotent requests. */
export class NetworkError extends FetchwiseError {
  override name: string = 'NetworkError';
  readonly retryable: boolean;

  constructor(request: RequestSummary, options: { retryable: boolean; cause?: unknown }) {
    super(`${request.method} ${request.url} failed: network error`, request, options);
    this.retryable = options.retryable;
  }
}
