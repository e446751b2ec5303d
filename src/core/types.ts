import type { FetchwiseError, RequestSummary } from '../errors/fetchwise-error.js';
import type { RetryOption } from '../retry/policy.js';
import type { StandardSchemaV1 } from './schema.js';
import type { SearchParams } from './url.js';

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
  /** `Location`, resolved to an absolute URL. */
  location: string | undefined;
  /** `true` for a 201; `false` for a 200 to a repeated create (R-201-200). */
  created: boolean;
  /** `true` when a DELETE found the resource already gone (404, R-404-DELETE). */
  alreadyGone: boolean;
  /** `Retry-After` in ms, when the response sent one. */
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

