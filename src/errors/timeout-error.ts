import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/** One attempt took longer than `timeout`. Retried like a network error. */
export class TimeoutError extends FetchwiseError {
  override readonly name = 'TimeoutError' as const;
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number;

  constructor(request: RequestSummary, options: { timeout: number; retryable: boolean; cause?: unknown }) {
    super(`${request.method} ${request.url} timed out after ${options.timeout} ms`, request, options);
    this.timeout = options.timeout;
  }
}
