import { isNetworkError as isKyNetworkError } from 'ky';
import { summarizeRequest, type FetchwiseError } from '../errors/fetchwise-error.js';
import { createHttpError } from '../errors/create-http-error.js';
import { isFetchwiseError } from '../errors/guards.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { readProblem } from '../problem/read-problem.js';
import { isRetryableStatus } from '../retry/policy.js';
import { parseRateLimit } from '../retry/rate-limit-headers.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { Core } from './core.js';
import type { Call } from './call.js';
import { endDeadline, startDeadline, type Deadline } from './deadline.js';
import { hasNoBody, parseText } from './response-body.js';

/** One attempt's outcome, with the success body already read (the timeout covers it). */
export type AttemptResult = { ok: true; response: Response; data: unknown } | { ok: false; error: FetchwiseError };

/**
 * What travels through ky to {@link fetchWith} under the init key `fetchwise` (written out: a computed
 * key made V8 build the init object on its slow path).
 */
interface AttemptInit {
  fetchwise: { headers: Record<string, string>; signal: AbortSignal | undefined };
}

/**
 * ky's `fetch`. The attempt's headers are set on ky's Request here rather than merged by ky (which
 * builds four `Headers` from an options record), and its own signal (caller + deadline) goes to fetch in
 * `init`, so ky creates no `AbortSignal.any` and a custom `fetch` still gets aborts and timeouts.
 * Every call comes from {@link runAttempt}, with the attempt in `init`.
 */
export const fetchWith =
  (fetch: typeof globalThis.fetch) =>
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { headers, signal } = (init as unknown as AttemptInit).fetchwise;
    for (const name in headers) (input as Request).headers.set(name, headers[name]!);
    return fetch(input, { signal });
  };

/**
 * Sends one attempt through ky (no ky retries, hooks or timeout: `throwHttpErrors: false`, so error
 * bodies are read once, here, capped). Aborts by the caller propagate as the caller's reason (R-ABORT).
 */
export async function runAttempt(core: Core, call: Call): Promise<AttemptResult> {
  const { method, url, timeout, signal, options, idempotent } = call;
  if (signal?.aborted) throw signal.reason;
  const request = () => summarizeRequest(method, url);
  let attemptSignalValue = signal;
  let limit: Deadline | undefined;
  let forward: (() => void) | undefined;
  if (timeout !== false) {
    // R-TIMEOUT: one deadline per attempt covers the headers and the body.
    limit = startDeadline(timeout, () => new TimeoutError(request(), { timeout, retryable: idempotent }));
    const { controller } = limit;
    if (signal) {
      forward = () => controller.abort(signal.reason);
      signal.addEventListener('abort', forward, { once: true });
    }
    attemptSignalValue = controller.signal;
  }
  try {
    // ky's default method is GET: one key fewer for it to merge.
    const init: Record<string, unknown> = { fetchwise: { headers: call.headers, signal: attemptSignalValue } };
    if (method !== 'GET') init['method'] = method;
    if (options.json !== undefined) init['json'] = options.json;
    if (options.body !== undefined) init['body'] = options.body;
    if (options.cache !== undefined) init['cache'] = options.cache;
    let response: Response;
    try {
      response = await core.ky(url, init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isFetchwiseError(error)) return { ok: false, error };
      if (isKyNetworkError(error)) return { ok: false, error: new NetworkError(request(), { retryable: idempotent, cause: error.cause }) };
      throw error;
    }
    const { status } = response;
    if (status < 300 || status === 304 || (status === 404 && method === 'DELETE')) {
      try {
        // The body read here rather than by readBody: one promise less per call.
        const data = options.parseBody
          ? await options.parseBody(response, attemptSignalValue)
          : hasNoBody(response, method)
            ? undefined
            : parseText(await response.text(), response, request);
        return { ok: true, response, data };
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (isFetchwiseError(error)) return { ok: false, error };
        // R-NET: the connection died mid-body.
        return { ok: false, error: new NetworkError(request(), { retryable: idempotent, cause: error }) };
      }
    }
    const problem = await readProblem(response, { dialects: core.dialects });
    if (signal?.aborted) throw signal.reason;
    // The deadline passed while the error body was read.
    if (attemptSignalValue?.aborted && isFetchwiseError(attemptSignalValue.reason)) return { ok: false, error: attemptSignalValue.reason };
    const { headers } = response;
    return {
      ok: false,
      error: createHttpError(problem, request(), {
        retryable: idempotent && isRetryableStatus(status),
        headers,
        retryAfter: parseRetryAfter(headers.get('retry-after')),
        rateLimit: status === 429 ? parseRateLimit(headers) : undefined,
      }),
    };
  } finally {
    if (forward) signal!.removeEventListener('abort', forward);
    if (limit) endDeadline(limit);
  }
}
