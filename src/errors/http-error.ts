import type { Problem } from '../problem/types.js';
import type { HttpErrorName } from './error-names.js';
import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

export interface HttpErrorOptions {
  /** Whether the retry policy treats this failure as retryable (status and method rules). */
  retryable: boolean;
  /** Response headers. */
  headers: Headers;
  /** Parsed `Retry-After` in milliseconds, when the response sent one. */
  retryAfter?: number | undefined;
  cause?: unknown;
}

/** A response with an error status. `problem` is the normalized error body. */
export class HttpError extends FetchwiseError {
  override readonly name: HttpErrorName = 'HttpError';
  readonly status: number;
  readonly problem: Problem;
  /** Response headers. */
  readonly headers: Headers;
  /** `Retry-After` in milliseconds, when present. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, request: RequestSummary, options: HttpErrorOptions) {
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(`${request.method} ${request.url} failed with ${problem.status} ${problem.title}${detail}`, request, options);
    this.status = problem.status;
    this.problem = problem;
    this.headers = options.headers;
    this.retryAfter = options.retryAfter;
  }

  /** `problem.fieldErrors`: messages by field path. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.fieldErrors;
  }

  /** `problem.formErrors`: messages that belong to no field. */
  get formErrors(): string[] {
    return this.problem.formErrors;
  }
}
