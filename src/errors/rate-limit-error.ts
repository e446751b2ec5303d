import type { Problem } from '../problem/types.js';
import type { RequestSummary } from './fetchwise-error.js';
import { HttpError, type HttpErrorOptions } from './http-error.js';

/** Rate-limit state parsed from `X-RateLimit-*`, `X-Rate-Limit-*`, `RateLimit-*`, `RateLimit` and `RateLimit-Policy`. */
export interface RateLimitInfo {
  /** Requests allowed in the window. */
  limit?: number;
  /** Requests left in the window. */
  remaining?: number;
  /** Milliseconds until the window resets, when the server says. */
  resetIn?: number;
  /** Window length in milliseconds (`RateLimit-Policy: 100;w=60`, `X-Rate-Limit-Window`). */
  window?: number;
  /** The quota policy as sent (`RateLimit-Policy`), unparsed. */
  policy?: string;
}

/** 429 Too Many Requests. Retried after `retryAfter` unless that exceeds `maxRetryAfter`. */
export class RateLimitError extends HttpError {
  override readonly name = 'RateLimitError' as const;
  readonly rateLimit: RateLimitInfo;

  constructor(problem: Problem, request: RequestSummary, options: HttpErrorOptions & { rateLimit: RateLimitInfo }) {
    super(problem, request, options);
    this.rateLimit = options.rateLimit;
  }
}
