import type { DataTag, QueryKey } from '@tanstack/query-core';
import type { InferOutput, StandardSchemaV1 } from '../core/schema.js';
import type { FetchResult, RequestOptions } from '../core/types.js';
import type { FetchwiseQueryError, QueryFunctionContextLike, QueryRequestOptions } from '../query/types.js';

/** Options of `client.poll`. `schema` validates the terminal response only (202 bodies are job statuses). */
export interface PollOptions extends Omit<RequestOptions, 'json' | 'body' | 'followLocation' | 'idempotencyKey'> {
  /**
   * Wait in ms between polls when a 202 sends no `Retry-After`, and the shortest wait whatever it sends
   * (`Retry-After: 0` or a past date waits this long, R-POLL-FLOOR). @default 1_000
   */
  interval?: number;
  /**
   * Maximum total wait in ms, requests included. Past it (or as soon as a `Retry-After` would pass it)
   * the poll rejects with a `TimeoutError`. @default 300_000
   */
  maxWait?: number;
  /** Called with every 202 on the way, e.g. to show the job's progress. */
  onPending?: (result: FetchResult<unknown>) => void;
}

/**
 * R-202: follows a 202's `Location` with GETs until a terminal status (any 2xx but 202; fetch follows a
 * 303 to the result itself), waiting `Retry-After` (seconds or date) or `interval` between polls.
 * Given a path, polls it at once; given a 202 result, waits first. Errors reject as usual (typed,
 * retried by the retry policy); aborting `signal` rejects at once with its reason.
 */
export interface PollCall {
  <S extends StandardSchemaV1>(client: object, target: string | FetchResult<unknown>, options: PollOptions & { schema: S }): Promise<FetchResult<InferOutput<S>>>;
  <T = unknown>(client: object, target: string | FetchResult<unknown>, options?: PollOptions): Promise<FetchResult<T>>;
}

/** A job still running: the last 202, with the wait the server asked for. */
export interface PollPending {
  done: false;
  status: 202;
  /** The 202's body (a job status, if the API sends one); not validated. */
  data: unknown;
  /** `Retry-After` in ms, when sent. */
  retryAfter: number | undefined;
  location: string | undefined;
}

/** A job finished: the terminal response, validated with the schema. */
export interface PollDone<T> {
  done: true;
  status: number;
  data: T;
  retryAfter: undefined;
  location: string | undefined;
}

/** What a `pollQueryOptions` query holds: narrow it with `done`. */
export type PollSnapshot<T> = PollPending | PollDone<T>;

/** Options of `client.pollQueryOptions`. */
export interface PollQueryRequestOptions extends QueryRequestOptions {
  /** Refetch interval in ms while pending when the 202 sends no `Retry-After`; also the shortest one (R-POLL-FLOOR). @default 1_000 */
  interval?: number;
}

/** What a TanStack `refetchInterval` function reads of the query. */
export interface PollQueryLike<T> {
  state: { data: PollSnapshot<T> | undefined; status: string };
}

/**
 * Options for `useQuery` / `QueryObserver` that poll a job's status URL: `refetchInterval` follows each
 * 202's `Retry-After` and stops once the job is done or the query failed.
 */
export interface FetchwisePollQueryOptions<T> {
  queryKey: DataTag<QueryKey, PollSnapshot<T>, FetchwiseQueryError>;
  queryFn: (context: QueryFunctionContextLike) => Promise<PollSnapshot<T>>;
  refetchInterval: (query: PollQueryLike<T>) => number | false;
  meta: { fetchwise: { url: string } };
  retry: false;
}

export interface PollQueryOptionsCall {
  <S extends StandardSchemaV1>(client: object, path: string, options: PollQueryRequestOptions & { schema: S }): FetchwisePollQueryOptions<InferOutput<S>>;
  <T = unknown>(client: object, path: string, options?: PollQueryRequestOptions): FetchwisePollQueryOptions<T>;
}
