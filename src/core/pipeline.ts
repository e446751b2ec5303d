import type { FetchwiseError } from '../errors/fetchwise-error.js';
import { summarizeRequest } from '../errors/fetchwise-error.js';
import { isRedirectError } from '../errors/guards.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { backoffDelay, isIdempotent, resolveRetryPolicy, retryDelay, type RetryPolicy } from '../retry/policy.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { checkTimerDelay } from '../retry/timer-limit.js';
import { runAttempt, type AttemptResult } from './attempt.js';
import type { Core, SendOptions } from './core.js';
import { RequestTrace, traceNow } from './events.js';
import type { Call } from './call.js';
import type { CallOutcome, Verdict } from './plugin.js';
import { validate } from './schema.js';
import { sleep } from './sleep.js';
import type { FetchResult } from './types.js';
import { buildUrl } from './url.js';

/**
 * One logical request: prepare once, run the attempt loop, then validate the body, tell the plugins,
 * and make the follow-up (`followLocation`) as a request of its own (R-FOLLOW-ONCE).
 */
export function send(core: Core, method: string, path: string, options?: SendOptions): Promise<FetchResult<unknown>>;
/** `pick` turns the result into what the call resolves with (`client.get`'s data), with no promise of its own. */
export function send<R>(core: Core, method: string, path: string, options: SendOptions | undefined, pick: ResultPick<R>): Promise<R>;
export async function send(core: Core, method: string, path: string, options: SendOptions = {}, pick?: ResultPick<unknown>): Promise<unknown> {
  const call = prepare(core, method, path, options);
  // A query's attempts are one logical request across TanStack's retries: its layer owns the trace then.
  const owned = options.trace === undefined;
  const trace = owned ? (core.listeners.size > 0 ? new RequestTrace(core.listeners, call.method, call.url) : undefined) : options.trace;
  let outcome: CallOutcome;
  try {
    // The attempt loop (SPEC section 4), inline: a function of its own was one more promise per call.
    let done: AttemptResult & { ok: true };
    const { signal, policy } = call;
    let retries = 0;
    let redirects = 0;
    for (;; call.number++) {
      // Each retry or replay starts again from the base headers, whatever plugins set on the last attempt.
      if (call.number > 0) call.headers = baseHeaders(core, call.options, call.key);
      for (const plugin of core.plugins) {
        const pending = plugin.beforeAttempt?.(call);
        if (pending) await pending;
      }
      const attempt = await runAttempt(core, call);
      const since = trace ? traceNow() : 0;
      let verdict: Verdict | undefined;
      for (const plugin of core.plugins) {
        let answer = plugin.afterAttempt?.(call, attempt);
        if (answer instanceof Promise) answer = await answer;
        if (answer) {
          verdict = answer;
          break;
        }
      }
      if (signal?.aborted) throw signal.reason;
      // A replay happens once per call, and never for a stream body (it was consumed): then the outcome stands.
      if (verdict === 'replay' && !call.replayed && !call.once) {
        call.replayed = true;
        trace?.refreshed(since);
        continue;
      }
      if (typeof verdict === 'object') throw verdict.throw;
      if (attempt.ok) {
        done = attempt;
        break;
      }
      const { error } = attempt;
      if (verdict === 'accept') throw error;
      let delay: number | undefined;
      if (verdict === 'retry') delay = retries < policy.limit ? backoffDelay(retries + 1, policy) : undefined;
      // R-3XX-NOLOC: a redirect without Location is repeated once only (seed 000).
      else delay = isRedirectError(error) && redirects++ > 0 ? undefined : retryDelay(error, retries, policy);
      if (delay === undefined) throw error;
      retries++;
      core.onRetry?.({ request: error.request, attempt: retries, delay, error });
      trace?.retry(retries, delay, error);
      await sleep(delay, signal);
    }
    const result = finish(call, done);
    outcome = { ok: true, result: call.options.schema ? await checkSchema(call, result) : result };
  } catch (error) {
    outcome = { ok: false, error };
  }
  for (const plugin of core.plugins) {
    try {
      const pending = plugin.afterCall?.(call, outcome);
      if (pending) await pending;
    } catch (error) {
      // A plugin's bug must not change the call's outcome: report it on its own.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
  if (!outcome.ok) {
    if (owned) trace?.fail(outcome.error);
    throw outcome.error;
  }
  let { result } = outcome;
  if (owned) trace?.end(result.status);
  if (options.followLocation && result.status === 201 && result.location !== undefined) {
    const { schema, signal, retry, timeout } = options;
    // The caller's own headers go along (a tenant, an Accept); those about the write's body and preconditions do not.
    const followed = await send(core, 'GET', result.location, { schema, signal, retry, timeout, headers: headersWithout(options.headers, writeOnly) });
    result = { ...followed, status: 201, location: result.location, created: true };
  }
  return pick ? pick(core, method, path, options, result) : result;
}

export type ResultPick<R> = (core: Core, method: string, path: string, options: SendOptions, result: FetchResult<unknown>) => R | Promise<R>;

/** Conditional request headers: a follow-up or an unconditional re-request drops the caller's. */
export const preconditions: readonly string[] = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range'];
const writeOnly = ['content-type', 'content-length', 'idempotency-key', ...preconditions];

function prepare(core: Core, method: string, path: string, options: SendOptions): Call {
  const verb = method.toUpperCase();
  const url = buildUrl(core.baseUrl, path, options.searchParams);
  const key = options.idempotencyKey === true ? randomKey() : options.idempotencyKey;
  const headers = baseHeaders(core, options, key);
  let policy = options.retry === undefined ? core.retry : resolveRetryPolicy(options.retry, core.retry);
  // A stream body can be sent once only: no retry, and no replay either (see the loop).
  const once = typeof ReadableStream !== 'undefined' && options.body instanceof ReadableStream;
  if (once) policy = { ...policy, limit: 0 };
  // R-TIMER-LIMIT: a per-request timeout is checked here (the client's at createClient).
  const timeout = typeof options.timeout === 'number' ? checkTimerDelay('timeout', options.timeout, 1) : (options.timeout ?? core.timeout);
  return {
    method: verb,
    url,
    headers,
    key,
    options,
    number: 0,
    replayed: false,
    once,
    signal: options.signal,
    state: new Map(),
    policy,
    // R-EMPTY-KEY: an empty or blank Idempotency-Key is not a key.
    idempotent: isIdempotent(verb, (headers['idempotency-key'] ?? '').trim() !== ''),
    timeout,
  };
}

/** The headers an attempt starts from: the client's, the caller's, the Idempotency-Key. */
function baseHeaders(core: Core, options: SendOptions, key: string | false | undefined): Record<string, string> {
  const headers = { ...core.headers };
  mergeHeaders(headers, options.headers);
  if (typeof key === 'string' && key !== '') headers['idempotency-key'] = key;
  return headers;
}

/**
 * A random v4 UUID; `crypto.randomUUID` exists only in secure contexts (not on `http://192.168.…`). Else
 * each `0`, `1` and `8` of the template becomes a random hex digit (`8` one of 8–b, the variant).
 */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let i = 0;
  return crypto.randomUUID?.() ?? '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (bytes[i++]! & (15 >> (+c >> 2)))).toString(16));
}

/** Copies a `HeadersInit` into a record with lower-case names (plain objects without a Headers copy). */
export function mergeHeaders(into: Record<string, string>, init: HeadersInit | undefined): void {
  if (init instanceof Headers || Array.isArray(init)) new Headers(init).forEach((value, name) => (into[name] = value));
  else for (const name in init) into[name.toLowerCase()] = String((init as Record<string, string>)[name]);
}

/** The caller's headers as a record, without `names`. */
export function headersWithout(init: HeadersInit | undefined, names: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  mergeHeaders(headers, init);
  for (const name of names) delete headers[name];
  return headers;
}

/** The call's result, once the loop accepted a response: `Location` and `Retry-After` where they mean something. */
function finish(call: Call, { response, data }: AttemptResult & { ok: true }): FetchResult<unknown> {
  const { status, headers } = response;
  // A GET's 200 has no use for Location or Retry-After (R-201, R-201-200 and R-202 are about writes and
  // jobs): two header reads spared on the hot path.
  const plain = status === 200 && call.method === 'GET';
  const location = plain ? null : headers.get('location');
  return {
    data,
    status,
    headers,
    location: location === null ? undefined : resolveLocation(location, response.url || call.url),
    created: status === 201,
    alreadyGone: status === 404,
    retryAfter: plain ? undefined : parseRetryAfter(headers.get('retry-after')),
  };
}

/**
 * the body validated with the request's schema, after the loop. A body-less 201, 202, 204 or 205
 * is not checked, nor a 304 (answered from a cache), a DELETE's 404, a batch, or a 201
 * whose created resource `followLocation` fetches (the schema is for that one).
 */
async function checkSchema(call: Call, result: FetchResult<unknown>): Promise<FetchResult<unknown>> {
  const { status, data } = result;
  const { schema, parseBody, followLocation } = call.options;
  if (!schema || parseBody || status === 304 || result.alreadyGone) return result;
  if (data === undefined && status !== 200 && status !== 203) return result;
  if (followLocation && status === 201 && result.location !== undefined) return result;
  const checked = await validate(schema, data);
  if (!checked.ok) throw new ResponseShapeError(summarizeRequest(call.method, call.url), { status, issues: checked.issues, raw: data });
  return { ...result, data: checked.value };
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

export type { FetchwiseError };
