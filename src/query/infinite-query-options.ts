import type { DataTag, InfiniteData, QueryKey } from '@tanstack/query-core';
import type { Core } from '../core/core.js';
import type { FetchResult } from '../core/types.js';
import { send } from '../core/pipeline.js';
import { validate, type InferOutput, type StandardSchemaV1 } from '../core/schema.js';
import { buildUrl } from '../core/url.js';
import { summarizeRequest } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { resolveRetryPolicy } from '../retry/policy.js';
import { findLink, parseLinkHeader } from './link-header.js';
import { resourceUrl } from './keys.js';
import { queryAttempt, queryRetry } from './attempts.js';
import type { FetchwiseQueryError, QueryClientLike, QueryFunctionContextLike, QueryRequestOptions } from './types.js';

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

/** What a page's links are read from. */
export interface PageContext {
  /** The page body as received (before the schema, which may drop links). */
  body: unknown;
  headers: Headers;
  /** The absolute URL the page was fetched from. */
  url: string;
  /** The query's QueryClient. */
  queryClient: QueryClientLike;
  /** The client's `baseUrl`. */
  baseUrl: string | undefined;
}

/** Finds a page's neighbours: absolute URLs, `undefined` at the ends. */
export type PageLinks = (page: PageContext) => { next: string | undefined; prev: string | undefined } | Promise<{ next: string | undefined; prev: string | undefined }>;

/** Options of `client.infiniteQueryOptions`: those of a query, applied to every page. */
export interface InfiniteQueryRequestOptions extends QueryRequestOptions {
  /** How to find the next and previous pages. @default the RFC 8288 `Link` header; `halPages()` from `fetchwise/hal` adds HAL `_links` */
  pages?: PageLinks;
}

/** R-LINK-NEXT: the `next` and `prev` (or `previous`) links of an RFC 8288 `Link` header. */
export const linkHeaderPages: PageLinks = ({ headers, url }) => {
  const links = parseLinkHeader(headers.get('link'), url);
  return { next: findLink(links, 'next'), prev: findLink(links, 'prev') ?? findLink(links, 'previous') };
};

export interface FetchwiseInfiniteQueryOptions<T> {
  queryKey: DataTag<QueryKey, InfiniteData<InfinitePage<T>, string>, FetchwiseQueryError>;
  queryFn: (context: QueryFunctionContextLike & { pageParam: unknown }) => Promise<InfinitePage<T>>;
  /** The first page's URL: `path` and `searchParams` under `baseUrl`. */
  initialPageParam: string;
  getNextPageParam: (lastPage: InfinitePage<T>) => string | undefined;
  getPreviousPageParam: (firstPage: InfinitePage<T>) => string | undefined;
  /** The collection URL, so writes to it refetch the pages (R-INVALIDATE). */
  meta: { fetchwise: { url: string } };
  /** fetchwise's retry policy, run by TanStack's retryer (R-ONE-RETRIER). */
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

export interface InfiniteQueryOptionsCall {
  <S extends StandardSchemaV1>(path: string, options: InfiniteQueryRequestOptions & { schema: S }): FetchwiseInfiniteQueryOptions<InferOutput<S>>;
  <T = unknown>(path: string, options?: InfiniteQueryRequestOptions): FetchwiseInfiniteQueryOptions<T>;
}

/** R-LINK-NEXT: pages through `next` links with no user glue; the query's signal cancels the page request. */
export function createInfiniteQueryOptions(core: Core, path: string, options: InfiniteQueryRequestOptions = {}): FetchwiseInfiniteQueryOptions<unknown> {
  const { queryKey: customKey, pages = linkHeaderPages, schema, searchParams, ...request } = options;
  const first = buildUrl(core.baseUrl, path, searchParams);
  const queryKey = customKey ?? (searchParams === undefined ? [path, 'infinite'] : [path, 'infinite', first]);
  const policy = resolveRetryPolicy(request.retry, core.retry);
  return {
    queryKey: queryKey as FetchwiseInfiniteQueryOptions<unknown>['queryKey'],
    queryFn: (context) => {
      const url = typeof context.pageParam === 'string' ? context.pageParam : first;
      return queryAttempt(core, policy, url, context, async (trace) => {
        const result = await send(core, 'GET', url, { ...request, signal: context.signal, retry: 0, trace });
        return { ...result, data: await toPage(result, url, context) };
      });
    },
    initialPageParam: first,
    getNextPageParam: (lastPage) => lastPage.next,
    getPreviousPageParam: (firstPage) => firstPage.prev,
    meta: { fetchwise: { url: resourceUrl(first) } },
    ...queryRetry(policy),
  };

  async function toPage(result: FetchResult<unknown>, url: string, context: QueryFunctionContextLike): Promise<InfinitePage<unknown>> {
    const body = result.data;
    // Links are read from the raw body: a schema may well drop `_links`.
    const { next, prev } = await pages({ body, headers: result.headers, url, queryClient: context.client, baseUrl: core.baseUrl });
    let data = body;
    if (schema) {
      const outcome = await validate(schema, body);
      if (!outcome.ok) throw new ResponseShapeError(summarizeRequest('GET', url), { status: result.status, issues: outcome.issues, raw: body });
      data = outcome.value;
    }
    return { data, url, next, prev };
  }
}
