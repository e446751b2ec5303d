import type { Core, SendOptions } from '../core/core.js';
import type { RequestTrace } from '../core/events.js';
import { refetchUnconditionally } from '../core/not-modified.js';
import { send } from '../core/pipeline.js';
import type { FetchResult } from '../core/types.js';
import { isNetworkError } from '../errors/guards.js';
import { queryCacheMode } from './cache-mode.js';
import { warnConditionalPreflight, warnHiddenHeader } from './cors-warning.js';
import { crossOrigin } from './dev-warnings.js';
import type { ConditionalOptions } from './plugin.js';
import { refreshValidators, type ValidatorStore } from './validator-store.js';

/** What revalidation reads from TanStack's query function context (a subset of query/types' `QueryFunctionContextLike`). */
export interface RevalidationContext {
  queryKey: readonly unknown[];
  signal: AbortSignal;
  client: { getQueryData(queryKey: readonly unknown[]): unknown };
}

/**
 * R-304 / R-304-MISS: a query's fetch. It revalidates with the validators of the data the cache holds
 * for this very key (the conditional plugin sends them), and a 304 resolves with that object itself.
 * If the data vanished meanwhile, one unconditional request follows.
 */
export async function revalidate(
  core: Core,
  store: ValidatorStore,
  href: string,
  request: SendOptions,
  { queryKey, signal, client }: RevalidationContext,
  trace: RequestTrace | undefined,
): Promise<FetchResult<unknown>> {
  const cached = client.getQueryData(queryKey);
  const validators = store.forData(cached);
  // The query cache is the cache: the browser's HTTP cache must neither answer for the server nor turn
  // our 304 into a 200, and stock servers must see no forced reload (R-REVALIDATE-HEADERS).
  // TanStack's retryer owns retries (R-ONE-RETRIER): one attempt per call.
  const options: ConditionalOptions = {
    ...request,
    searchParams: undefined,
    signal,
    cache: queryCacheMode(validators !== undefined),
    retry: 0,
    track: true,
    validators,
    trace,
  };
  let result: FetchResult<unknown>;
  try {
    result = await send(core, 'GET', href, options);
  } catch (error) {
    // R-CORS-CONDITIONAL: a preflight rejected by CORS looks like a network failure; ask once without conditions.
    const origin = validators !== undefined && isNetworkError(error) && !signal.aborted ? crossOrigin(href) : undefined;
    if (origin === undefined) throw error;
    warnConditionalPreflight(store.warnings, origin);
    return unconditional(core, href, options);
  }
  if (result.status !== 304) {
    if (!result.headers.has('etag') && !result.headers.has('last-modified')) warnHiddenHeader(store.warnings, 'ETag', href);
    return result;
  }
  const current = client.getQueryData(queryKey);
  if (validators && current !== undefined && current === cached) {
    // R-304-VALIDATOR: the 304's validators never upgrade the stored ones (refreshValidators).
    store.remember(href, refreshValidators(validators, result.headers), current);
    return { ...result, data: current };
  }
  // R-304-MISS: the 304 answers for data we no longer hold; ask once more without conditions.
  return unconditional(core, href, options);
}

/** One unconditional re-request (`no-store`, as `queryCacheMode(false)`); a second 304 is a typed `ResponseShapeError` (R-304-MISS). */
function unconditional(core: Core, href: string, options: ConditionalOptions): Promise<FetchResult<unknown>> {
  return refetchUnconditionally(core, 'GET', href, { ...options, validators: undefined } as ConditionalOptions);
}
