import type { DataTag, QueryKey } from '@tanstack/query-core';
import type { StandardSchemaV1 } from '../core/schema.js';
import type { RequestOptions } from '../core/types.js';
import type { HttpError } from '../errors/http-error.js';
import type { NetworkError } from '../errors/network-error.js';
import type { RequestShapeError } from '../errors/request-shape-error.js';
import type { ResponseShapeError } from '../errors/response-shape-error.js';
import type { SessionExpiredError } from '../errors/session-expired-error.js';
import type { TimeoutError } from '../errors/timeout-error.js';

/**
 * Everything a fetchwise query or mutation can fail with. Register it as TanStack Query's default
 * error type to have `error` typed in `useQuery` (see README).
 */
export type FetchwiseQueryError = HttpError | NetworkError | TimeoutError | ResponseShapeError | RequestShapeError | SessionExpiredError;

/** A query as fetchwise sees it. */
export interface QueryLike {
  queryKey: QueryKey;
  meta: Record<string, unknown> | undefined;
}

interface QueryPredicate {
  predicate?: (query: QueryLike) => boolean;
}

/**
 * The part of a `QueryClient` fetchwise uses. Structural on purpose: an app whose React, Vue or
 * Svelte adapter brings another copy of query-core still type-checks.
 */
export interface QueryClientLike {
  getQueryData(queryKey: QueryKey): unknown;
  setQueryData(queryKey: QueryKey, data: unknown): unknown;
  invalidateQueries(filters?: QueryPredicate & { refetchType?: 'active' | 'inactive' | 'all' | 'none' }): Promise<void>;
  removeQueries(filters?: QueryPredicate & { type?: 'all' | 'active' | 'inactive' }): void;
  getQueryCache(): { findAll(filters?: QueryPredicate): QueryLike[] };
}

/** What a `queryFn` gets from TanStack Query, as far as fetchwise reads it. */
export interface QueryFunctionContextLike {
  queryKey: QueryKey;
  signal: AbortSignal;
  client: QueryClientLike;
}

/** Request options for a query: no body, and the query's own `signal` is used. */
export interface QueryRequestOptions extends Omit<RequestOptions, 'json' | 'body' | 'signal' | 'followLocation' | 'idempotencyKey'> {
  /** Overrides the derived key (`[path]` or `[path, searchParams]`). */
  queryKey?: QueryKey;
}

/** What `client.queryOptions` returns: pass it to `useQuery`, `new QueryObserver`, `fetchQuery`, … unchanged. */
export interface FetchwiseQueryOptions<T> {
  queryKey: DataTag<QueryKey, T, FetchwiseQueryError>;
  queryFn: (context: QueryFunctionContextLike) => Promise<T>;
  /**
   * The resource URL (and the exact URL with its query), so writes find the queries they touch (R-INVALIDATE),
   * and the query's schema (non-enumerable), so a write's body replaces the data only once it passes it (R-WRITE-SCHEMA).
   */
  meta: { fetchwise: { url: string; href: string; readonly schema?: StandardSchemaV1 } };
  /** fetchwise's retry policy, run by TanStack's retryer: it pauses offline and counts `failureCount` (R-ONE-RETRIER). */
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
  /** TanStack's structural sharing, keeping each cached object paired with its ETag. */
  structuralSharing: (oldData: unknown, newData: unknown) => unknown;
}

/** Request options for a mutation; the mutation's variables are sent as the JSON body. */
export interface MutationRequestOptions extends Omit<RequestOptions, 'json' | 'body' | 'signal'> {
  /**
   * A Standard Schema for the mutation's variables (the JSON body): `mutate(variables)` takes its input
   * type, and the variables are validated before anything is sent. What the schema outputs is sent
   * (so it may trim, default or transform); a failure rejects with a `RequestShapeError` whose
   * `fieldErrors` the form adapters show under the fields, and makes no request. `schema` stays the
   * response's schema.
   */
  variables?: StandardSchemaV1;
}

/** The input type of a Standard Schema: what `mutate(variables)` takes under a `variables` schema. */
export type InferInput<S> = S extends StandardSchemaV1<infer Input, unknown> ? Input : never;

/** What `client.mutationOptions` returns: pass it to `useMutation` or `new MutationObserver` unchanged. */
export interface FetchwiseMutationOptions<T, TVariables> {
  mutationKey: readonly unknown[];
  /** `context` is TanStack's (5.8x and later pass `{ client }`); older 5.x pass none, and the cache is then not touched. */
  mutationFn: (variables: TVariables, context?: { client?: QueryClientLike }) => Promise<T>;
  retry: false;
}
