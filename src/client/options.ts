import ky from 'ky';
import { fetchWith } from '../core/attempt.js';
import type { Core } from '../core/core.js';
import type { Plugin } from '../core/plugin.js';
import { mergeHeaders } from '../core/pipeline.js';
import { resolveBaseUrl } from '../core/url.js';
import type { Dialect } from '../problem/types.js';
import { resolveRetryPolicy } from '../retry/policy.js';
import type { ClientOptions } from './types.js';

const knownOptions = ['baseUrl', 'headers', 'timeout', 'retry', 'dialects', 'fetch', 'onRetry', 'queryClient', 'auth', 'plugins'];
const defaultAccept = 'application/json, */*;q=0.8';
const maxTimeout = 2_147_483_647;

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
  if (timeout !== false && (typeof timeout !== 'number' || !(timeout > 0) || timeout > maxTimeout)) {
    throw new RangeError(`fetchwise: timeout must be false or a number of ms between 1 and ${maxTimeout}, got ${String(timeout)}`);
  }
  const dialects = options.dialects ?? [];
  if (!Array.isArray(dialects) || dialects.some((d: Dialect) => typeof d?.name !== 'string' || typeof d?.parse !== 'function')) {
    throw new TypeError('fetchwise: dialects must be an array of { name: string, parse(body, context) }');
  }
  const plugins = options.plugins ?? [];
  if (!Array.isArray(plugins) || plugins.some((p: Plugin) => typeof p?.name !== 'string')) {
    throw new TypeError('fetchwise: plugins must be an array of { name: string, beforeAttempt?, afterAttempt?, afterCall? }');
  }
  for (const key of ['fetch', 'onRetry'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') throw new TypeError(`fetchwise: ${key} must be a function`);
  }
  const { queryClient, auth } = options;
  if (queryClient !== undefined && typeof queryClient?.invalidateQueries !== 'function') {
    throw new TypeError('fetchwise: queryClient must be a TanStack QueryClient');
  }
  if (auth !== undefined && typeof (auth as { beforeAttempt?: unknown })?.beforeAttempt !== 'function') {
    throw new TypeError("fetchwise: auth must be made by createAuth from 'fetchwise/auth' (0.2 moved auth into its own entry point; see README, Migration)");
  }
  const headers: Record<string, string> = {};
  try {
    if (options.headers !== undefined) mergeHeaders(headers, new Headers(options.headers));
  } catch (cause) {
    throw new TypeError(`fetchwise: headers are invalid (${(cause as Error).message})`, { cause });
  }
  headers['accept'] ??= defaultAccept;
  return {
    ky: ky.create({ retry: 0, timeout: false, throwHttpErrors: false, fetch: fetchWith(options.fetch ?? ((input, init) => globalThis.fetch(input, init))) }),
    baseUrl: resolveBaseUrl(options.baseUrl),
    headers,
    retry: resolveRetryPolicy(options.retry),
    timeout,
    dialects,
    plugins: [],
    onRetry: options.onRetry,
    listeners: new Set(),
  };
}
