import { replaceEqualDeep, type QueryKey } from '@tanstack/query-core';
import { requestHeaders, send, type ClientContext } from '../core/send.js';
import { buildUrl } from '../core/url.js';
import { conditionalHeaders, refreshValidators, sameVariant } from '../conditional/validator-store.js';
import { warnHiddenHeader } from '../conditional/cors-warning.js';
import { refetchUnconditionally } from '../core/not-modified.js';
import { stripQuery } from './invalidate.js';
import type { FetchwiseQueryOptions, QueryClientLike, QueryFunctionContextLike, QueryRequestOptions } from './types.js';

function keyParams(searchParams: QueryRequestOptions['searchParams']): unknown {
  if (searchParams === undefined) return undefined;
  if (typeof searchParams === 'string' || searchParams instanceof URLSearchParams || Array.isArray(searchParams)) {
    return new URLSearchParams(searchParams as string).toString();
  }
  return searchParams;
}

/** R-QUERY-OPTIONS: a query whose refetch of an unchanged resource costs a 304 and keeps the same data object. */
export function createQueryOptions(ctx: ClientContext, path: string, options: QueryRequestOptions = {}): FetchwiseQueryOptions<unknown> {
  const { queryKey: customKey, ...request } = options;
  const params = keyParams(request.searchParams);
  const queryKey = customKey ?? (params === undefined ? [path] : [path, params]);
  return {
    queryKey: queryKey as FetchwiseQueryOptions<unknown>['queryKey'],
    queryFn: (context: QueryFunctionContextLike) => revalidate(ctx, path, request, context.queryKey, context.signal, context.client),
    meta: { fetchwise: { url: stripQuery(buildUrl(ctx.baseUrl, path)), href: buildUrl(ctx.baseUrl, path, request.searchParams) } },
    retry: false,
    structuralSharing: (oldData: unknown, newData: unknown) => {
      const shared = replaceEqualDeep(oldData, newData);
      if (shared !== newData) ctx.store.link(newData, shared);
      return shared;
    },
  };
}

/**
 * R-304 / R-304-MISS: revalidates with the validators of the data the cache holds for this very key;
 * a 304 resolves with that object itself. If the data vanished meanwhile, one unconditional request follows.
 */
async function revalidate(
  ctx: ClientContext,
  path: string,
  request: QueryRequestOptions,
  queryKey: QueryKey,
  signal: AbortSignal,
  queryClient: QueryClientLike,
): Promise<unknown> {
  const cached = queryClient.getQueryData(queryKey);
  const validators = ctx.store.forData(cached);
  const headers = requestHeaders(ctx, request.headers);
  const conditional = validators !== undefined && sameVariant(validators, headers);
  if (conditional) conditionalHeaders(validators, headers);
  // The query cache is the cache: the browser's HTTP cache must neither answer for the server nor
  // turn our 304 into a 200.
  // A plain object: ky merges it with a spread rather than copying Headers twice.
  const result = await send(ctx, 'GET', path, { ...request, headers: Object.fromEntries(headers), signal, cache: 'no-store', trackData: true });
  if (result.status !== 304) {
    if (!result.headers.has('etag') && !result.headers.has('last-modified')) warnHiddenHeader('ETag', buildUrl(ctx.baseUrl, path));
    return result.data;
  }
  const current = queryClient.getQueryData(queryKey);
  if (conditional && current !== undefined && current === cached) {
    ctx.store.remember(buildUrl(ctx.baseUrl, path, request.searchParams), refreshValidators(validators, result.headers), current);
    return current;
  }
  // R-304-MISS: the 304 answers for data we no longer hold; ask once more without conditions.
  // A second 304 is a typed ResponseShapeError, not a TypeError.
  return (await refetchUnconditionally(ctx, 'GET', path, { ...request, signal, trackData: true })).data;
}
