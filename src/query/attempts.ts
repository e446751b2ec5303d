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

/** A failed attempt that fetchwise's policy would retry, until TanStack decides. */
interface Failure {
  core: Core;
  signal: AbortSignal;
  trace: RequestTrace | undefined;
  /** Attempts failed so far in this fetch. */
  failures: number;
  /** The jittered wait, the same for the announcement and for `retryDelay`. */
  delay: number;
  decided: boolean;
}

// By error: the failure TanStack's `retry` is asked about.
const failures = new WeakMap<object, Failure>();
// One logical request per query fetch across TanStack's retries. TanStack hands every attempt of one
// fetch the same AbortSignal, so the signal keys the failure the next attempt continues.
const fetches = new WeakMap<AbortSignal, Failure>();

function plan(policy: RetryPolicy, failureCount: number, error: unknown): number | undefined {
  // WeakMap#get answers `undefined` for a primitive.
  const known = failures.get(error as object);
  if (known) return known.delay;
  // R-3XX-NOLOC: a redirect without Location is repeated once only.
  return isRedirectError(error) && failureCount > 0 ? undefined : retryDelay(error, failureCount, policy);
}

/** TanStack will not retry (or never asked): the logical request ends with this error. */
function settle(failure: Failure, error: unknown): void {
  if (failure.decided) return;
  failure.decided = true;
  if (fetches.get(failure.signal) === failure) fetches.delete(failure.signal);
  failure.trace?.fail(error);
}

/**
 * R-ONE-RETRIER: fetchwise's retry policy as TanStack Query's `retry` and `retryDelay`. TanStack's
 * retryer does the waiting, so a query pauses while offline and `failureCount` counts our attempts;
 * R-IDEMPOTENT, Retry-After and `maxRetryAfter` come from the error, as in `client.get`.
 * The retry is announced (`client.subscribe`, `onRetry`) when TanStack asks, before it waits.
 */
export function queryRetry(policy: RetryPolicy): QueryRetry {
  return {
    retry: (failureCount, error) => {
      const delay = plan(policy, failureCount, error);
      const failure = failures.get(error as object);
      if (failure && !failure.decided) {
        if (delay === undefined) settle(failure, error);
        else {
          failure.decided = true;
          const reported = error as FetchwiseError;
          failure.trace?.retry(failure.failures, failure.delay, reported);
          failure.core.onRetry?.({ request: reported.request, attempt: failure.failures, delay: failure.delay, error: reported });
        }
      }
      return delay !== undefined;
    },
    retryDelay: (failureCount, error) => plan(policy, failureCount, error) ?? 0,
  };
}

/**
 * One attempt of a query (TanStack calls the query function once per attempt). Attempts of one fetch
 * are one logical request for `client.subscribe` and `onRetry`: the first starts the trace, a retry is
 * announced when TanStack decides on it, and the last attempt ends the trace. A fetch that TanStack
 * does not go on with (the app's own `retry` said no, or the query was cancelled while waiting) ends too.
 */
export async function queryAttempt<T>(
  core: Core,
  policy: RetryPolicy,
  url: string,
  { signal }: QueryFunctionContextLike,
  run: (trace: RequestTrace | undefined) => Promise<FetchResult<T>>,
): Promise<T> {
  const previous = fetches.get(signal);
  fetches.delete(signal);
  const done = previous?.failures ?? 0;
  const trace = previous ? previous.trace : core.listeners.size > 0 ? new RequestTrace(core.listeners, 'GET', url) : undefined;
  try {
    const result = await run(trace);
    trace?.end(result.status);
    return result.data;
  } catch (error) {
    const delay = signal.aborted ? undefined : plan(policy, done, error);
    const failure: Failure = { core, signal, trace, failures: done + 1, delay: delay ?? 0, decided: false };
    if (delay === undefined || typeof error !== 'object' || error === null) settle(failure, error);
    else {
      failures.set(error, failure);
      fetches.set(signal, failure);
      // TanStack asks `retry` right after this rejection; if it never does (the app replaced `retry`), or
      // the query is cancelled during the wait, the request ends here rather than staying open.
      setTimeout(() => settle(failure, error), 0);
      signal.addEventListener(
        'abort',
        () => {
          if (fetches.get(signal) !== failure) return;
          failure.decided = false;
          settle(failure, signal.reason);
        },
        { once: true },
      );
    }
    throw error;
  }
}
