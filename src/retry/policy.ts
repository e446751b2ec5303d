import type { HttpError } from '../errors/http-error.js';
import { isHttpError, isNetworkError, isTimeoutError } from '../errors/guards.js';
import { checkTimerDelay } from './timer-limit.js';

/** How failed attempts are retried (SPEC section 4). */
export interface RetryOptions {
  /** Retries after the first attempt. @default 3 (seed 000: "retry up to 3 times") */
  limit?: number;
  /** Base of the exponential backoff in ms: attempt n waits up to `delay * 2^(n-1)`. @default 300 */
  delay?: number;
  /** Cap on one backoff wait in ms. @default 10_000 */
  backoffLimit?: number;
  /** A `Retry-After` longer than this (ms) fails at once, so the UI can show the wait. @default 60_000 */
  maxRetryAfter?: number;
  /** Full jitter: wait a random time between 0 and the backoff. @default true */
  jitter?: boolean;
}

/** A retry limit, `false` (no retries), or the full options. */
export type RetryOption = number | false | RetryOptions;

export type RetryPolicy = Required<RetryOptions>;

export const defaultRetryPolicy: RetryPolicy = { limit: 3, delay: 300, backoffLimit: 10_000, maxRetryAfter: 60_000, jitter: true };

/** Validates a retry option and merges it over `base` (`undefined` gives `base` itself). Throws a clear error on bad input. */
export function resolveRetryPolicy(option: RetryOption | undefined, base: RetryPolicy = defaultRetryPolicy): RetryPolicy {
  if (option === undefined) return base;
  if (typeof option !== 'object' || option === null) {
    if (option !== false && typeof option !== 'number') {
      throw new TypeError(`fetchwise: retry must be a number, false or an options object, got ${String(option)}`);
    }
    option = { limit: option === false ? 0 : option };
  }
  const policy: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(option)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(base, key)) throw new TypeError(`fetchwise: unknown retry option "${key}"`);
    if (key === 'jitter') {
      if (typeof value !== 'boolean') throw new TypeError('fetchwise: retry.jitter must be a boolean');
    } else if (key === 'limit') {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`fetchwise: retry.limit must be a non-negative integer, got ${String(value)}`);
    } else {
      // R-TIMER-LIMIT: `delay`, `backoffLimit` and `maxRetryAfter` each become a setTimeout delay.
      checkTimerDelay(`retry.${key}`, value);
    }
    policy[key] = value;
  }
  return policy as RetryPolicy;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** R-IDEMPOTENT: GET, HEAD, OPTIONS, PUT, DELETE, or any request carrying an `Idempotency-Key`. */
export function isIdempotent(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || idempotentMethods.has(method);
}

/**
 * R-5XX, R-503: the statuses worth repeating unchanged. 501, 505 and other 5xx are final (R-5XX-FINAL).
 * R-3XX-NOLOC: so is a 3xx without Location (never 304), which `send` repeats once only.
 */
export function isRetryableStatus(status: number): boolean {
  return [408, 429, 500, 502, 503, 504].includes(status) || isRedirectStatus(status);
}

/** A 3xx other than 304: reaching JS, it came without `Location` (fetch follows the others). */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/** Backoff for retry number `retry` (1-based): exponential, capped, with full jitter. */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.backoffLimit, policy.delay * 2 ** (retry - 1));
  return policy.jitter ? Math.random() * ceiling : ceiling;
}

/**
 * Decides whether a failed attempt is retried and after how long.
 * `retriesDone` counts retries already made. Returns the wait in ms, or `undefined` for "fail now".
 * Only errors already marked `retryable` (status and method rules) qualify.
 */
export function retryDelay(error: unknown, retriesDone: number, policy: RetryPolicy): number | undefined {
  if (retriesDone >= policy.limit || !(isHttpError(error) || isNetworkError(error) || isTimeoutError(error)) || !error.retryable) return undefined;
  const { retryAfter, status } = error as Partial<HttpError>;
  // never sooner than Retry-After; past maxRetryAfter, fail at once.
  if (retryAfter !== undefined) return retryAfter > policy.maxRetryAfter ? undefined : retryAfter;
  // R-3XX-NOLOC (seed 000): "the client should repeat request to the same URL", at once.
  return status !== undefined && isRedirectStatus(status) ? 0 : backoffDelay(retriesDone + 1, policy);
}
