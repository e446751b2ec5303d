import type { Plugin } from '../core/plugin.js';
import type { InferOutput, StandardSchemaV1 } from '../core/schema.js';
import type { RequestListener } from '../core/events.js';
import type { FetchResult, HttpMethod, RequestOptions, RetryEvent } from '../core/types.js';
import type { Dialect } from '../problem/types.js';
import type { RetryOption } from '../retry/policy.js';
import type { InfiniteQueryOptionsCall } from '../query/infinite-query-options.js';
import type {
  FetchwiseMutationOptions,
  FetchwiseQueryOptions,
  InferInput,
  MutationRequestOptions,
  QueryClientLike,
  QueryRequestOptions,
} from '../query/types.js';

/** What `createAuth` from `fetchwise/auth` returns: a plugin that also carries `client.auth`. */
export interface AuthPluginLike<Api = unknown> extends Plugin {
  readonly api: Api;
}

export interface ClientOptions {
  /** Paths are appended to it; a relative base (`/api`) resolves against the page. */
  baseUrl?: string | URL;
  /** Sent with every request. `Accept: application/json, *\/*;q=0.8` unless you set one. */
  headers?: HeadersInit;
  /** Per-attempt timeout in ms, or `false`. @default 10_000 */
  timeout?: number | false;
  /** @default { limit: 3, delay: 300, backoffLimit: 10_000, maxRetryAfter: 60_000, jitter: true } */
  retry?: RetryOption;
  /** Your error-body dialects, tried before the structural normaliser (and `fetchwise/dialects` extras you pass). */
  dialects?: readonly Dialect[];
  /** The fetch implementation; it gets every attempt's abort signal (caller and timeout). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Called before each retry wait, e.g. to show "retrying in 3 s". */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Lets plain `client.put/patch/post/delete` calls update or invalidate cached queries too
   * (mutations from `mutationOptions` use their own QueryClient without it).
   */
  queryClient?: QueryClientLike;
  /** Steps of your own in every request (a signer, a logger), after the built-in ones. See README, Plugins. */
  plugins?: readonly Plugin[];
  /** `createAuth(…)` from `fetchwise/auth`: bearer tokens refreshed on 401 once across all tabs (SPEC section 5). */
  auth?: AuthPluginLike;
}

/** `get`, `post`, … : resolve with the body, typed from the schema when one is given. */
export interface MethodCall {
  <S extends StandardSchemaV1>(path: string, options: RequestOptions & { schema: S }): Promise<InferOutput<S>>;
  <T = unknown>(path: string, options?: RequestOptions): Promise<T>;
}

export interface RequestCall {
  <S extends StandardSchemaV1>(method: HttpMethod, path: string, options: RequestOptions & { schema: S }): Promise<FetchResult<InferOutput<S>>>;
  <T = unknown>(method: HttpMethod, path: string, options?: RequestOptions): Promise<FetchResult<T>>;
}

export interface QueryOptionsCall {
  <S extends StandardSchemaV1>(path: string, options: QueryRequestOptions & { schema: S }): FetchwiseQueryOptions<InferOutput<S>>;
  <T = unknown>(path: string, options?: QueryRequestOptions): FetchwiseQueryOptions<T>;
}

/**
 * `mutationOptions(method, path, options?)`. With a `variables` schema, `mutate(variables)` takes its
 * input type; otherwise give the variables' type as the second type argument (`unknown` by default).
 */
export interface MutationOptionsCall {
  <S extends StandardSchemaV1, V extends StandardSchemaV1>(
    method: HttpMethod,
    path: string | ((variables: InferInput<V>) => string),
    options: MutationRequestOptions & { schema: S; variables: V },
  ): FetchwiseMutationOptions<InferOutput<S>, InferInput<V>>;
  <V extends StandardSchemaV1>(
    method: HttpMethod,
    path: string | ((variables: InferInput<V>) => string),
    options: MutationRequestOptions & { variables: V; schema?: undefined },
  ): FetchwiseMutationOptions<unknown, InferInput<V>>;
  <S extends StandardSchemaV1, TVariables = unknown>(
    method: HttpMethod,
    path: string | ((variables: TVariables) => string),
    options: MutationRequestOptions & { schema: S },
  ): FetchwiseMutationOptions<InferOutput<S>, TVariables>;
  <T = unknown, TVariables = unknown>(
    method: HttpMethod,
    path: string | ((variables: TVariables) => string),
    options?: MutationRequestOptions,
  ): FetchwiseMutationOptions<T, TVariables>;
}

export interface Client {
  get: MethodCall;
  post: MethodCall;
  put: MethodCall;
  patch: MethodCall;
  /** A 404 resolves with `undefined` (the resource is already gone, R-404-DELETE). */
  delete: MethodCall;
  /** Resolves with `undefined`; use `request('HEAD', …)` for the headers. */
  head: MethodCall;
  /** Any method; resolves with the body and the response's status, headers and `location`. */
  request: RequestCall;
  /**
   * Hears every request's start, retries, token refresh and end (with status and duration), e.g. for a
   * network panel or metrics. Returns the unsubscribe function. Costs nothing while nobody listens.
   */
  subscribe(listener: RequestListener): () => void;
  /** Options for `useQuery` / `QueryObserver`: a refetch of an unchanged resource costs a 304 and keeps the same data object. */
  queryOptions: QueryOptionsCall;
  /** Options for `useMutation` / `MutationObserver`: variables are the JSON body; touched queries are updated or invalidated. */
  mutationOptions: MutationOptionsCall;
  /** R-LINK-NEXT: options for `useInfiniteQuery` / `InfiniteQueryObserver` paging through `next` links (`Link` header; HAL with `halPages` from `fetchwise/hal`). */
  infiniteQueryOptions: InfiniteQueryOptionsCall;
}

/** A client made with `auth`: `client.auth` is the session API of `fetchwise/auth`. */
export type ClientWithAuth<Api> = Client & { auth: Api };
