import type { Core } from '../core/core.js';
import type { RequestTrace } from '../core/events.js';
import { send } from '../core/pipeline.js';
import type { FetchResult } from '../core/types.js';
import type { QueryFunctionContextLike, QueryRequestOptions } from '../query/types.js';
import { warnHiddenHeader } from './cors-warning.js';
import type { ConditionalOptions } from './plugin.js';
import { refreshValidators, type ValidatorStore } from './validator-store.js';

/**
 * R-304 / R-304-MISS: a query's fetch. It revalidates with the validators of the data the cache holds
 * for this very key, and a 304 resolves with that object itself. If the data vanished meanwhile, one
 * unconditional request follows.
 */
export async function revalidate(
  core: Core,
  store: ValidatorStore,
  href: string,
  request: QueryRequestOptions,
  { queryKey, signal, client }: QueryFunctionContextLike,
  trace: RequestTrace | undefined,
): Promise<FetchResult<unknown>> {
  const cached = client.getQueryData(queryKey);
  const validators = store.forData(cached);
  // The query cache is the cache: the browser's HTTP cache must neither answer for the server nor turn
  // our 304 into a 200. TanStack's retryer owns retries (R-ONE-RETRIER): one attempt per call.
  const options: ConditionalOptions = { ...request, searchParams: undefined, signal, cache: 'no-store', retry: 0, track: true, validators, trace };
  const result = await send(core, 'GET', href, options);
  if (result.status !== 304) {
    if (!result.headers.has('etag') && !result.headers.has('last-modified')) warnHiddenHeader('ETag', href);
    return result;
  }
  const current = client.getQueryData(queryKey);
  if (validators && current !== undefined && current === cached) {
    store.remember(href, refreshValidators(validators, result.headers), current);
    return { ...result, data: current };
  }
  // R-304-MISS: the 304 answers for data we no longer hold; ask once more without conditions.
  const fresh = await send(core, 'GET', href, { ...options, validators: undefined } as ConditionalOptions);
  if (fresh.status === 304) throw new TypeError(`fetchwise: ${href} answered 304 to an unconditional request`);
  return fresh;
}
