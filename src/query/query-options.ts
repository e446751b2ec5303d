import { replaceEqualDeep, type QueryKey } from '@tanstack/query-core';
import { requestHeaders, send, type ClientContext } from '../core/send.js';
import { buildUrl } from '../core/url.js';
import { conditionalHeaders, refreshValidators, sameVariant } from '../conditional/validator-store.js';
import { warnConditionalPreflight, warnHiddenHeader } from '../conditional/cors-warning.js';
import { queryCacheMode } from '../conditional/cache-mode.js';
import { crossOrigin } from '../conditional/dev-warnings.js';
import { refetchUnconditionally } from '../core/not-modified.js';
import { isNetworkError } from '../errors/guards.js';
import { stripQuery } from './invalidate.js';
import { withQuerySchema } from './query-schema.js';
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
    meta: { fetchwise: withQuerySchema({ url: stripQuery(buildUrl(ctx.baseUrl, path)), href: buildUrl(ctx.baseUrl, path, request.searchParams) }, request.schema) },
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
  // turn our 304 into a 200, and stock servers must see no forced reload (R-REVALIDATE-HEADERS).
  // A plain object: ky merges it with a spread rather than copying Headers twice.
  const url = buildUrl(ctx.baseUrl, path, request.searchParams);
  let result;
  try {
    result = await send(ctx, 'GET', path, { ...request, headers: Object.fromEntries(headers), signal, cache: queryCacheMode(conditional), trackData: true });
  } catch (error) {
    // R-CORS-CONDITIONAL: a preflight rejected by CORS looks like a network failure; ask once without conditions.
    const origin = conditional && isNetworkError(error) && !signal.aborted ? crossOrigin(url) : undefined;
    if (origin === undefined) throw error;
    warnConditionalPreflight(ctx.store.warnings, origin);
    return unconditional(ctx, path, request, signal);
  }
  if (result.status !== 304) {
    if (!result.headers.has('etag') && !result.headers.has('last-modified')) warnHiddenHeader(ctx.store.warnings, 'ETag', url);
    return result.data;
  }
  const current = queryClient.getQueryData(queryKey);
  if (conditional && current !== undefined && current === cached) {
    ctx.store.remember(url, refreshValidators(validators, result.headers), current);
    return current;
  }
  // R-304-MISS: the 304 answers for data we no longer hold; ask once more without conditions.
  return unconditional(ctx, path, request, signal);
}

async function unconditional(ctx: ClientContext, path: string, request: QueryRequestOptions, signal: AbortSignal): Promise<unknown> {
  // A second 304 is a typed ResponseShapeError (R-304-MISS), not a TypeError.
  return (await refetchUnconditionally(ctx, 'GET', path, { ...request, signal, cache: queryCacheMode(false), trackData: true })).data;
}
