import { isRedirectError } from '../errors/guards.js';
import { retryDelay, type RetryPolicy } from '../retry/policy.js';

/**
 * fetchwise's retry policy as TanStack Query's `retry` and `retryDelay` (R-ONE-RETRIER): TanStack's
 * retryer does the waiting, so a query pauses while offline, and `failureCount` counts our attempts.
 * R-IDEMPOTENT, Retry-After and `maxRetryAfter` come from the error, as in `client.get`.
 */
export function queryRetry(policy: RetryPolicy): {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
} {
  // R-3XX-NOLOC: a redirect without Location is repeated once only.
  const delay = (failureCount: number, error: unknown) =>
    isRedirectError(error) && failureCount > 0 ? undefined : retryDelay(error, failureCount, policy);
  return {
    retry: (failureCount, error) => delay(failureCount, error) !== undefined,
    retryDelay: (failureCount, error) => delay(failureCount, error) ?? 0,
  };
}
