import ky from 'ky';
import { fetchWith } from '../core/attempt.js';
import type { Core } from '../core/core.js';
import { mergeHeaders } from '../core/pipeline.js';
import { resolveBaseUrl } from '../core/url.js';
import { resolveRetryPolicy } from '../retry/policy.js';
import { maxTimerDelay } from '../retry/timer-limit.js';
import type { ClientOptions } from './types.js';

type Check = [test: (value: any) => boolean, expected: string];

const isFunction: Check = [(value) => typeof value === 'function', 'a function'];
// `null` lists are taken as empty, as `?? []` below does.
const listOf = (test: (item: any) => boolean, expected: string): Check => [(list) => list === null || (Array.isArray(list) && list.every(test)), expected];

/**
 * Every option, with its check when it is not checked where it is resolved (`baseUrl`, `headers`,
 * `timeout`, `retry`). A failed check throws `fetchwise: <option> must be <expected>`.
 */
const checks: Record<keyof ClientOptions, Check | undefined> = {
  baseUrl: undefined,
  headers: undefined,
  timeout: undefined,
  retry: undefined,
  dialects: listOf((d) => typeof d?.name === 'string' && typeof d?.parse === 'function', 'an array of { name: string, parse(body, context) }'),
  plugins: listOf((p) => typeof p?.name === 'string', 'an array of { name: string, beforeAttempt?, afterAttempt?, afterCall? }'),
  fetch: isFunction,
  onRetry: isFunction,
  queryClient: [(value) => typeof value?.invalidateQueries === 'function', 'a TanStack QueryClient'],
  auth: [
    (value) => typeof value?.beforeAttempt === 'function',
    "made by createAuth from 'fetchwise/auth' (0.2 moved auth into its own entry point; see README, Migration)",
  ],
};
const knownOptions = Object.keys(checks);

/** Checks every option once, at `createClient`, so a bad `baseUrl` fails at once rather than at the first request. */
export function resolveOptions(options: ClientOptions): Core {
  if (typeof options !== 'object' || options === null) throw new TypeError('fetchwise: createClient expects an options object');
  for (const key of Object.keys(options)) {
    if (!knownOptions.includes(key)) {
      const near = knownOptions.find((known) => known.toLowerCase() === key.toLowerCase());
      throw new TypeError(`fetchwise: unknown option "${key}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  const timeout = options.timeout ?? 10_000;
  if (timeout !== false && (typeof timeout !== 'number' || !(timeout > 0) || timeout > maxTimerDelay)) {
    throw new RangeError(`fetchwise: timeout must be false or a number of ms between 1 and ${maxTimerDelay}, got ${String(timeout)}`);
  }
  for (const [key, check] of Object.entries(checks)) {
    const value = options[key as keyof ClientOptions];
    if (check && value !== undefined && !check[0](value)) throw new TypeError(`fetchwise: ${key} must be ${check[1]}`);
  }
  const headers: Record<string, string> = {};
  try {
    if (options.headers !== undefined) mergeHeaders(headers, new Headers(options.headers));
  } catch (cause) {
    throw new TypeError(`fetchwise: headers are invalid (${(cause as Error).message})`, { cause });
  }
  headers['accept'] ??= 'application/json, */*;q=0.8';
  return {
    ky: ky.create({ retry: 0, timeout: false, throwHttpErrors: false, fetch: fetchWith(options.fetch ?? ((input, init) => globalThis.fetch(input, init))) }),
    baseUrl: resolveBaseUrl(options.baseUrl),
    headers,
    retry: resolveRetryPolicy(options.retry),
    timeout,
    dialects: options.dialects ?? [],
    plugins: [],
    onRetry: options.onRetry,
    listeners: new Set(),
  };
}
