import type { KyInstance, Options as KyOptions } from 'ky';
import { summarizeRequest, type FetchwiseError } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { Dialect } from '../problem/types.js';
import { isIdempotent, resolveRetryPolicy, retryDelay, type RetryPolicy } from '../retry/policy.js';
import { isIdempotencyKey } from '../retry/idempotency-key.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { checkTimerDelay } from '../retry/timer-limit.js';
import type { AttemptContext } from './error-hook.js';
import { RequestTrace, traceNow, type RequestListener } from './events.js';
import type { AuthHandle } from '../auth/handle.js';
import { readBody } from './response-body.js';
import { validate, type StandardSchemaV1 } from './schema.js';
import type { FetchResult, RequestOptions, RetryEvent } from './types.js';
import { buildUrl } from './url.js';
import type { ValidatorStore } from '../conditional/validator-store.js';
import { storeValidators, withIfMatch } from '../conditional/write-preconditions.js';
import { isFetchwiseError, isHttpError, isRedirectError } from '../errors/guards.js';
import { warnHiddenHeader } from '../conditional/cors-warning.js';
import { sleep } from './sleep.js';

/** Everything a request needs from its client, resolved once at `createClient`. */
export interface ClientContext {
  ky: KyInstance;
  baseUrl: string | undefined;
  retry: RetryPolicy;
  timeout: number | false;
  dialects: readonly Dialect[];
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** The client's own headers, merged under each request's. */
  headers: Headers;
  store: ValidatorStore;
  /** `client.subscribe` listeners. */
  listeners: Set<RequestListener>;
  /** Token handling (SPEC section 5), when `auth` is configured. */
  auth: AuthHandle | undefined;
  /** Called after a write settles, to update or invalidate cached queries (set by the query integration). */
  afterWrite: ((write: WriteOutcome) => void | Promise<void>) | undefined;
}

/** A finished PUT, PATCH, POST or DELETE, as the query cache needs to hear of it. */
export interface WriteOutcome {
  method: string;
  url: string;
  result?: FetchResult<unknown>;
  error?: unknown;
  /** The write's own schema: its output is not validated again by a query with the same schema (R-WRITE-SCHEMA). */
  schema?: StandardSchemaV1 | undefined;
  /** Pairs a query's validated copy of the write's body with the body's validators (R-WRITE-SCHEMA). */
  store?: ValidatorStore;
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const conditionalWrites = new Set(['PUT', 'PATCH', 'DELETE']);

/** Internal request options, beyond the public ones. */
export interface SendOptions extends RequestOptions {
  /** The query integration reports writes itself (it has the mutation's QueryClient). */
  silent?: boolean;
  /** The fetch cache mode. */
  cache?: RequestCache;
  /** Pair the validators with the data object too (the query cache revalidates with them, R-304). */
  trackData?: boolean;
  /** Reads a success body instead of `readBody` (e.g. a 207 multipart/mixed batch); `schema` is then not applied. */
  parseBody?: (response: Response) => Promise<unknown>;
}

// 304 is handled by the caller (conditional requests); a DELETE's 404 means "already gone" (R-404-DELETE).
const throwUnlessNotModified = (status: number): boolean => status !== 304;
const throwUnlessGone = (status: number): boolean => status !== 304 && status !== 404;

/**
 * One logical request: builds the URL, runs attempts through ky, and owns the retry loop
 * (SPEC section 4) so that a wait honours Retry-After exactly, can fail at once past `maxRetryAfter`,
 * and is reported through `onRetry`.
 */
export async function send(ctx: ClientContext, method: string, path: string, options: SendOptions = {}): Promise<FetchResult<unknown>> {
  method = method.toUpperCase();
  const url = buildUrl(ctx.baseUrl, path, options.searchParams);
  const { signal } = options;
  let { headers } = options;
  let hasIdempotencyKey = false;
  if (options.idempotencyKey) {
    const merged = new Headers(headers);
    merged.set('idempotency-key', options.idempotencyKey === true ? crypto.randomUUID() : options.idempotencyKey);
    headers = merged;
    hasIdempotencyKey = isIdempotencyKey(merged);
  } else if (headers !== undefined && !isIdempotent(method, false)) {
    hasIdempotencyKey = isIdempotencyKey(new Headers(headers));
  }
  // R-IF-MATCH: writes carry the strong ETag we last saw for this URL, unless the caller set one (R-WEAK-ETAG).
  if (conditionalWrites.has(method)) headers = withIfMatch(ctx.store, url, headers);
  let policy = options.retry === undefined ? ctx.retry : resolveRetryPolicy(options.retry, ctx.retry);
  // A stream body can be sent once only.
  if (options.body instanceof ReadableStream) policy = { ...policy, limit: 0 };
  // R-TIMER-LIMIT: a per-request timeout is checked here (the client's at createClient).
  const timeout = typeof options.timeout === 'number' ? checkTimerDelay('timeout', options.timeout, 1) : (options.timeout ?? ctx.timeout);
  const attempt: AttemptContext = { idempotent: isIdempotent(method, hasIdempotencyKey), timeout, dialects: ctx.dialects, signal };
  const kyOptions: KyOptions = {
    method,
    timeout: false,
    throwHttpErrors: method === 'DELETE' ? throwUnlessGone : throwUnlessNotModified,
    context: { attempt },
  };
  if (headers !== undefined) kyOptions.headers = headers;
  if (options.json !== undefined) kyOptions.json = options.json;
  if (options.body !== undefined) kyOptions.body = options.body;
  if (signal !== undefined) kyOptions.signal = signal;
  if (options.cache !== undefined) kyOptions.cache = options.cache;

  const trace = ctx.listeners.size > 0 ? new RequestTrace(ctx.listeners, method, url) : undefined;
  try {
    const result = await attempts(ctx, { method, url, options, headers, policy, kyOptions, attempt }, trace);
    trace?.end(result.status);
    // R-FOLLOW-ONCE: the follow-up is its own request, made once the write succeeded; however it
    // fails (and is retried by its own rules), the write is never sent again.
    if (following(options, result)) {
      const followed = await send(ctx, 'GET', result.location, { schema: options.schema, signal, retry: options.retry, timeout: options.timeout });
      return { ...followed, status: result.status, location: result.location, created: true };
    }
    return result;
  } catch (error) {
    const status = (error as { status?: unknown } | undefined)?.status;
    trace?.end(isFetchwiseError(error) && typeof status === 'number' ? status : undefined, error);
    throw error;
  }
}

/** One logical request, prepared once by `send` and reused by every attempt. */
interface Prepared {
  method: string;
  url: string;
  options: SendOptions;
  headers: HeadersInit | undefined;
  policy: RetryPolicy;
  kyOptions: KyOptions;
  attempt: AttemptContext;
}

async function attempts(ctx: ClientContext, prepared: Prepared, trace: RequestTrace | undefined): Promise<FetchResult<unknown>> {
  const { method, url, options, headers, policy, kyOptions } = prepared;
  const { timeout, idempotent } = prepared.attempt;
  const { signal } = options;
  let replayed = false;
  let redirects = 0;
  for (let retries = 0; ; retries++) {
    let token: string | undefined;
    if (ctx.auth) {
      // R-AUTH-ORIGIN: the handle decides per attempt, so a replay or retry carries the newest token.
      const attemptHeaders = new Headers(headers);
      token = await ctx.auth.attach(url, attemptHeaders, signal);
      kyOptions.headers = Object.fromEntries(attemptHeaders);
    }
    // R-TIMEOUT: one deadline per attempt covers the headers AND the body (ky's own timeout ends
    // at the headers, and the body is read here).
    let deadline: ReturnType<typeof setTimeout> | undefined;
    if (timeout !== false) {
      const controller = new AbortController();
      kyOptions.signal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
      deadline = setTimeout(
        () => controller.abort(new TimeoutError(summarizeRequest(method, url), { timeout, retryable: idempotent })),
        timeout,
      );
    }
    try {
      const response = await ctx.ky(url, kyOptions);
      const result = await toResult(ctx, method, url, response, options, idempotent);
      clearTimeout(deadline);
      if (writes.has(method) && !options.silent) await ctx.afterWrite?.({ method, url, result, schema: options.schema, store: ctx.store });
      return result;
    } catch (error) {
      clearTimeout(deadline);
      if (signal?.aborted) throw signal.reason;
      // R-401-REFRESH: one replay with a fresh token; a second 401 is final. Not counted as a retry.
      if (ctx.auth && token !== undefined && !replayed && isHttpError(error) && error.status === 401) {
        replayed = true;
        const since = traceNow();
        await ctx.auth.recover(token, error.request, signal);
        trace?.refreshed(since);
        retries--;
        continue;
      }
      // what we knew of this resource is stale.
      if (isHttpError(error) && error.status === 412) ctx.store.forget(url);
      // R-3XX-NOLOC: a redirect without Location is repeated once only (seed 000).
      const delay = isRedirectError(error) && redirects++ > 0 ? undefined : retryDelay(error, retries, policy);
      if (delay === undefined) {
        if (writes.has(method) && !options.silent) void ctx.afterWrite?.({ method, url, error });
        throw error;
      }
      ctx.onRetry?.({ request: (error as FetchwiseError).request, attempt: retries + 1, delay, error: error as FetchwiseError });
      trace?.retry(retries + 1, delay, error as FetchwiseError);
      await sleep(delay, signal);
    }
  }
}

async function toResult(
  ctx: ClientContext,
  method: string,
  url: string,
  response: Response,
  options: SendOptions,
  idempotent: boolean,
): Promise<FetchResult<unknown>> {
  const { status, headers } = response;
  const summary = () => summarizeRequest(method, url);
  const alreadyGone = status === 404 && method === 'DELETE';
  let data: unknown;
  try {
    data = alreadyGone ? undefined : options.parseBody ? await options.parseBody(response) : await readBody(response, method, summary);
  } catch (error) {
    // R-NET: the connection died mid-body (a timeout or abort arrives here as its own reason).
    if (isFetchwiseError(error) || options.signal?.aborted) throw error;
    throw new NetworkError(summary(), { retryable: idempotent, cause: error });
  }
  const locationHeader = headers.get('location');
  const location = locationHeader === null ? undefined : resolveLocation(locationHeader, response.url || url);
  if (status === 201 && location === undefined) warnHiddenHeader(ctx.store.warnings, 'Location', url);
  // A 304 has no body: the caller answers it from its cache, so there is nothing to validate.
  // a body-less 201, 202, 204 or 205 is not checked against the schema, nor is a 201
  // whose Location `send` follows (the schema is the followed resource's).
  const bodyless = data === undefined && status !== 200 && status !== 203;
  if (options.schema && !alreadyGone && status !== 304 && !bodyless && !options.parseBody && !following(options, { status, location })) {
    const result = await validate(options.schema, data);
    if (!result.ok) throw new ResponseShapeError(summary(), { status, issues: result.issues, raw: data });
    data = result.value;
  }
  // R-ETAG-STORE, R-WRITE-ETAG, R-WRITE-NO-ETAG
  if (status < 300 && (method === 'GET' || conditionalWrites.has(method))) {
    storeValidators(ctx.store, method, url, headers, () => requestHeaders(ctx, options.headers), data, options.trackData === true);
  }
  return {
    data,
    status,
    headers,
    location,
    created: status === 201,
    alreadyGone,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
  };
}

/** `followLocation` applies: a 201 with a usable Location. */
function following(options: SendOptions, result: { status: number; location: string | undefined }): result is { status: 201; location: string } {
  return options.followLocation === true && result.status === 201 && result.location !== undefined;
}

/** The headers a request was sent with: the client's, overridden by the request's. */
export function requestHeaders(ctx: ClientContext, headers: HeadersInit | undefined): Headers {
  const merged = new Headers(ctx.headers);
  if (headers !== undefined) new Headers(headers).forEach((value, name) => merged.set(name, value));
  return merged;
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
