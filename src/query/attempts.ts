import type { Core } from '../core/core.js';
import { RequestTrace } from '../core/events.js';
import type { FetchResult } from '../core/types.js';
import type { FetchwiseError } from '../errors/fetchwise-error.js';
import { isRedirectError } from '../errors/guards.js';
import { retryDelay, type RetryPolicy } from '../retry/policy.js';
import type { QueryFunctionContextLike } from './types.js';

/** TanStack's `retry` and `retryDelay`, running fetchwise's policy. */
export interface QueryRetry {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

// The wait planned for an error when its attempt failed, so that `retryDelay` (asked separately by
// TanStack) returns the same jittered wait the retry event announced.
const planned = new WeakMap<object, number>();
// One logical request per query fetch across TanStack's retries. TanStack hands every attempt of one
// fetch the same AbortSignal, so the signal keys it: the attempts so far, and the trace.
const fetches = new WeakMap<AbortSignal, { failures: number; trace: RequestTrace | undefined }>();

function plan(policy: RetryPolicy, failureCount: number, error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && planned.has(error)) return planned.get(error);
  // R-3XX-NOLOC: a redirect without Location is repeated once only.
  return isRedirectError(error) && failureCount > 0 ? undefined : retryDelay(error, failureCount, policy);
}

/**
 * R-ONE-RETRIER: fetchwise's retry policy as TanStack Query's `retry` and `retryDelay`. TanStack's
 * retryer does the waiting, so a query pauses while offline and `failureCount` counts our attempts;
 * R-IDEMPOTENT, Retry-After and `maxRetryAfter` come from the error, as in `client.get`.
 */
export function queryRetry(policy: RetryPolicy): QueryRetry {
  return {
    retry: (failureCount, error) => plan(policy, failureCount, error) !== undefined,
    retryDelay: (failureCount, error) => plan(policy, failureCount, error) ?? 0,
  };
}

/**
 * One attempt of a query (TanStack calls the query function once per attempt). Attempts of one fetch
 * are one logical request for `client.subscribe` and `onRetry`: the first starts the trace, a failure
 * that will be retried reports the retry and its wait, the last one ends it.
 */
export async function queryAttempt<T>(
  core: Core,
  policy: RetryPolicy,
  url: string,
  { signal }: QueryFunctionContextLike,
  run: (trace: RequestTrace | undefined) => Promise<FetchResult<T>>,
): Promise<T> {
  const previous = fetches.get(signal);
  const failures = previous?.failures ?? 0;
  const trace = previous ? previous.trace : core.listeners.size > 0 ? new RequestTrace(core.listeners, 'GET', url) : undefined;
  try {
    const result = await run(trace);
    fetches.delete(signal);
    trace?.end(result.status);
    return result.data;
  } catch (error) {
    const delay = signal.aborted ? undefined : plan(policy, failures, error);
    if (delay === undefined) {
      fetches.delete(signal);
      const status = (error as { status?: unknown } | undefined)?.status;
      trace?.end(typeof status === 'number' ? status : undefined, error);
    } else {
      planned.set(error as object, delay);
      fetches.set(signal, { failures: failures + 1, trace });
      const failure = error as FetchwiseError;
      trace?.retry(failures + 1, delay, failure);
      core.onRetry?.({ request: failure.request, attempt: failures + 1, delay, error: failure });
    }
    throw error;
  }
}
