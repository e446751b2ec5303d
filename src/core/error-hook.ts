import { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError, type BeforeErrorState } from 'ky';
import { summarizeRequest } from '../errors/fetchwise-error.js';
import { createHttpError } from '../errors/create-http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { buildProblem } from '../problem/build-problem.js';
import type { Dialect } from '../problem/types.js';
import { isRetryableStatus } from '../retry/policy.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { parseRateLimit } from '../retry/rate-limit-headers.js';

/** What the error hook needs to know about one request; travels in ky's `context` option. */
export interface AttemptContext {
  idempotent: boolean;
  timeout: number | false;
  dialects: readonly Dialect[];
  signal: AbortSignal | undefined;
}

const errorBody: unique symbol = Symbol('fetchwise.errorBody');

/** ky's `parseJson`, which ky only calls for error bodies here: keeps the text even when the JSON is broken. */
export interface CapturedBody {
  [errorBody]: true;
  text: string;
  json?: unknown;
}

export function captureJson(text: string): CapturedBody {
  try {
    return { [errorBody]: true, text, json: JSON.parse(text) };
  } catch {
    return { [errorBody]: true, text };
  }
}

function bodyOf(data: unknown): unknown {
  if (typeof data === 'object' && data !== null && errorBody in data) {
    const captured = data as CapturedBody;
    return 'json' in captured ? captured.json : captured.text;
  }
  return data;
}

/**
 * ky's `beforeError` hook: turns ky's `HTTPError`, `TimeoutError` and `NetworkError` into ours, with a
 * normalized problem. The body was already read by ky, so nothing is cloned. Aborts pass through untouched.
 */
export function toTypedError({ request, options, error }: BeforeErrorState): Error {
  const context = options.context as { attempt?: AttemptContext };
  const attempt = context.attempt;
  if (!attempt || attempt.signal?.aborted) return error;
  const summary = summarizeRequest(request.method, request.url);
  if (isHTTPError(error)) {
    const { response } = error;
    const problem = buildProblem(
      {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type'),
        body: bodyOf(error.data),
      },
      attempt.dialects,
    );
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return createHttpError(problem, summary, {
      retryable: attempt.idempotent && isRetryableStatus(response.status),
      headers: response.headers,
      retryAfter,
      rateLimit: response.status === 429 ? parseRateLimit(response.headers) : undefined,
    });
  }
  if (isKyTimeoutError(error)) {
    return new TimeoutError(summary, { timeout: attempt.timeout || 0, retryable: attempt.idempotent });
  }
  if (isKyNetworkError(error)) {
    return new NetworkError(summary, { retryable: attempt.idempotent, cause: error.cause });
  }
  return error;
}
