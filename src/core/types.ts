import type { FetchwiseError, RequestSummary } from '../errors/fetchwise-error.js';
import type { Dialect } from '../problem/types.js';
import type { RetryOption } from '../retry/policy.js';
import type { InferOutput, StandardSchemaV1 } from './schema.js';
import type { SearchParams } from './url.js';
import type { RequestListener } from './events.js';
import type { AuthApi, AuthOptions } from '../auth/types.js';
import type { BatchCall } from '../batch/types.js';
import type { PollCall, PollQueryOptionsCall } from '../poll/types.js';
import type { FollowCall, LinkPathCall, SeedEmbeddedOptions } from '../hal/types.js';
import type { InfiniteQueryOptionsCall } from '../query/infinite-query-options.js';
import type {
  FetchwiseMutationOptions,
  FetchwiseQueryOptions,
  InferInput,
  MutationRequestOptions,
  QueryClientLike,
  QueryRequestOptions,
} from '../query/types.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | (string & {});

/** Options of one request. Every one of them can also be left out. */
export interface RequestOptions {
  /** Any Standard Schema (zod 4, valibot, arktype, …): validates the success body and types the result. */
  schema?: StandardSchemaV1;
  /** Appended to the URL; `undefined` and `null` values are skipped, arrays repeat the key. */
  searchParams?: SearchParams;
  /** Merged over the client's headers. */
  headers?: HeadersInit;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body (`FormData`, `Blob`, string, …), when `json` does not fit. */
  body?: BodyInit | null;
  /** Aborting rejects at once with the signal's reason: no retry, no refresh (R-ABORT). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms, or `false`. @default the client's (10_000) */
  timeout?: number | false;
  /** Overrides the client's retry policy for this request. */
  retry?: RetryOption;
  /**
   * Sends an `Idempotency-Key` header, the same on every retry of this call, which also makes a
   * POST or PATCH retryable (R-IDEMPOTENT). `true` generates a random key.
   */
  idempotencyKey?: boolean | string;
  /** On a 201 with `Location`, fetch the created resource and resolve with it (the schema applies to it). */
  followLocation?: boolean;
}

/** What {@link Client.request} resolves with. */
export interface FetchResult<T> {
  data: T;
  status: number;
  headers: Headers;
  /** `Location`, resolved to an absolute URL (R-201, R-202). */
  location: string | undefined;
  /** `true` for a 201; `false` for a 200 to a repeated create (R-201-200). */
  created: boolean;
  /** `true` when a DELETE found the resource already gone (404, R-404-DELETE). */
  alreadyGone: boolean;
  /** `Retry-After` in ms, when the response sent one (R-202). */
  retryAfter: number | undefined;
}

/** Reported before each retry wait. */
export interface RetryEvent {
  request: RequestSummary;
  /** 1 for the first retry. */
  attempt: number;
  /** The wait in ms before the retry. */
  delay: number;
  error: FetchwiseError;
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
  /** Your error-body dialects, tried before the built-in ones. */
  dialects?: readonly Dialect[];
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Called before each retry wait, e.g. to show "retrying in 3 s". */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Lets plain `client.put/patch/post/delete` calls update or invalidate cached queries too
   * (mutations from `mutationOptions` use their own QueryClient without it).
   */
  queryClient?: QueryClientLike;
  /** Bearer tokens for the API origins, refreshed on 401 once across all tabs (SPEC section 5). */
  auth?: AuthOptions;
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
  /** The session: `setSession` after sign-in, `clearSession`, `subscribe`, `refresh`, `dispose`. */
  auth: AuthApi;
  /** R-207: one request for several resources; resolves with one `{ ok, status, data | error }` entry per part, in order. */
  batch: BatchCall;
  /** R-202: follows a 202's `Location` until the job is done, honouring `Retry-After`; abortable, with a maximum wait. */
  poll: PollCall;
  /** R-202 with TanStack Query: a job-status query whose `refetchInterval` follows `Retry-After` and stops when done. */
  pollQueryOptions: PollQueryOptionsCall;
  /** R-HAL: requests a HAL link's target (templates expanded per RFC 6570) through this client. */
  follow: FollowCall;
  /** R-HAL: the path of a HAL link, for `get` or `queryOptions` (the key `seedEmbedded` seeds). */
  linkPath: LinkPathCall;
  /**
   * R-HAL: puts the resources embedded in `resource` (those with a `self` link) into the query cache under
   * the keys `queryOptions(path)` derives, so opening one costs no request while fresh. Resolves with the paths.
   */
  seedEmbedded(queryClient: QueryClientLike, resource: unknown, options?: SeedEmbeddedOptions): Promise<string[]>;
  /** R-LINK-NEXT: options for `useInfiniteQuery` / `InfiniteQueryObserver` paging through `next` links (HAL or `Link` header). */
  infiniteQueryOptions: InfiniteQueryOptionsCall;
}
