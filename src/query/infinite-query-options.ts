import type { DataTag, InfiniteData, QueryKey } from '@tanstack/query-core';
import { send, type ClientContext } from '../core/send.js';
import { validate, type InferOutput, type StandardSchemaV1 } from '../core/schema.js';
import { buildUrl } from '../core/url.js';
import { summarizeRequest } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { seedEmbedded } from '../hal/follow.js';
import { findLink, parseLinkHeader } from '../hal/link-header.js';
import { link } from '../hal/links.js';
import { expandLink, resolveHref, selfBase } from '../hal/resolve.js';
import type { SeedEmbeddedOptions } from '../hal/types.js';
import { stripQuery } from './invalidate.js';
import type { FetchwiseQueryError, QueryFunctionContextLike, QueryRequestOptions } from './types.js';

/** One page of an infinite query: its body and the URLs of its neighbours, from the response's links. */
export interface InfinitePage<T> {
  /** The page body, validated with the schema. */
  data: T;
  /** The absolute URL this page was fetched from. */
  url: string;
  /** The `next` link (RFC 8288 `Link` header, else HAL `_links.next`), absolute; `undefined` on the last page. */
  next: string | undefined;
  /** The `prev` / `previous` link, absolute; `undefined` on the first page. */
  prev: string | undefined;
}

/** Options of `client.infiniteQueryOptions`: those of a query, applied to every page. */
export interface InfiniteQueryRequestOptions extends QueryRequestOptions {
  /** Seeds each page's embedded resources into the query cache (see `client.seedEmbedded`). */
  seedEmbedded?: SeedEmbeddedOptions;
}

/**
 * R-LINK-NEXT: what `client.infiniteQueryOptions` returns; pass it to `useInfiniteQuery`,
 * `new InfiniteQueryObserver` or `fetchInfiniteQuery` unchanged. Page params are absolute page URLs.
 */
export interface FetchwiseInfiniteQueryOptions<T> {
  queryKey: DataTag<QueryKey, InfiniteData<InfinitePage<T>, string>, FetchwiseQueryError>;
  queryFn: (context: QueryFunctionContextLike & { pageParam: unknown }) => Promise<InfinitePage<T>>;
  /** The first page's URL: `path` and `searchParams` under `baseUrl`. */
  initialPageParam: string;
  getNextPageParam: (lastPage: InfinitePage<T>) => string | undefined;
  getPreviousPageParam: (firstPage: InfinitePage<T>) => string | undefined;
  /** The collection URL, so writes to it refetch the pages (R-INVALIDATE). */
  meta: { fetchwise: { url: string } };
  /** fetchwise's retry policy is the one retrier (R-ONE-RETRIER). */
  retry: false;
}

export interface InfiniteQueryOptionsCall {
  <S extends StandardSchemaV1>(path: string, options: InfiniteQueryRequestOptions & { schema: S }): FetchwiseInfiniteQueryOptions<InferOutput<S>>;
  <T = unknown>(path: string, options?: InfiniteQueryRequestOptions): FetchwiseInfiniteQueryOptions<T>;
}

/** R-LINK-NEXT: pages through `next` links with no user glue; the query's signal cancels the page request. */
export function createInfiniteQueryOptions(
  ctx: ClientContext,
  path: string,
  options: InfiniteQueryRequestOptions = {},
): FetchwiseInfiniteQueryOptions<unknown> {
  const { queryKey: customKey, seedEmbedded: seed, schema, searchParams, ...request } = options;
  const first = buildUrl(ctx.baseUrl, path, searchParams);
  const queryKey = customKey ?? (searchParams === undefined ? [path, 'infinite'] : [path, 'infinite', first]);
  return {
    queryKey: queryKey as FetchwiseInfiniteQueryOptions<unknown>['queryKey'],
    queryFn: async (context) => {
      const url = typeof context.pageParam === 'string' ? context.pageParam : first;
      const result = await send(ctx, 'GET', url, { ...request, signal: context.signal });
      const body = result.data;
      // Links are read from the raw body: a schema may well drop `_links`.
      const headerLinks = parseLinkHeader(result.headers.get('link'), url);
      const base = halBase(body, url);
      const next = findLink(headerLinks, 'next') ?? halHref(body, 'next', base);
      const prev = findLink(headerLinks, 'prev') ?? findLink(headerLinks, 'previous') ?? halHref(body, 'prev', base) ?? halHref(body, 'previous', base);
      if (seed) await seedEmbedded(ctx, context.client, body, seed, base);
      let data = body;
      if (schema) {
        const outcome = await validate(schema, body);
        if (!outcome.ok) throw new ResponseShapeError(summarizeRequest('GET', url), { status: result.status, issues: outcome.issues, raw: body });
        data = outcome.value;
      }
      return { data, url, next, prev };
    },
    initialPageParam: first,
    getNextPageParam: (lastPage) => lastPage.next,
    getPreviousPageParam: (firstPage) => firstPage.prev,
    meta: { fetchwise: { url: stripQuery(first) } },
    retry: false,
  };
}

/** A HAL page's links resolve against its `self` link, else the URL it was fetched from. */
function halBase(body: unknown, url: string): string {
  return selfBase(body, url);
}

function halHref(body: unknown, rel: string, base: string): string | undefined {
  const target = link(body, rel);
  if (target === undefined) return undefined;
  try {
    return resolveHref(expandLink(target, {}), base);
  } catch {
    return undefined;
  }
}
