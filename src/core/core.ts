import type { KyInstance } from 'ky';
import type { Dialect } from '../problem/types.js';
import type { RetryPolicy } from '../retry/policy.js';
import type { RequestListener, RequestTrace } from './events.js';
import type { Plugin } from './plugin.js';
import type { RequestOptions, RetryEvent } from './types.js';

/** Everything a call needs from its client, resolved once at `createClient`. */
export interface Core {
  ky: KyInstance;
  baseUrl: string | undefined;
  /** The client's headers, lower-case names, `Accept` included: every call starts from a copy. */
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeout: number | false;
  /** The app's dialects; the structural normaliser runs after them. */
  dialects: readonly Dialect[];
  /** Built-in plugins first, then the app's, in order. */
  plugins: Plugin[];
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** `client.subscribe` listeners. */
  listeners: Set<RequestListener>;
}

/** Options of one call, beyond the public ones: what fetchwise's own layers ask of the pipeline. */
export interface SendOptions extends RequestOptions {
  /** The fetch cache mode. */
  cache?: RequestCache;
  /** Reads a success body instead of the JSON/text reader (a 207 batch); `schema` is then not applied. */
  parseBody?: (response: Response, signal: AbortSignal | undefined) => Promise<unknown>;
  /** The logical request this call is one attempt of (a query retried by TanStack): events go there, and its owner ends it. */
  trace?: RequestTrace | undefined;
}

const coreKey: unique symbol = Symbol.for('fetchwise.core');

/** A client's core, for the free functions of `fetchwise/hal`, `/batch` and `/poll`. */
export function coreOf(client: object): Core {
  const core = (client as { [coreKey]?: Core })[coreKey];
  if (core === undefined) throw new TypeError('fetchwise: expected a client made by createClient');
  return core;
}

export function attachCore<T extends object>(client: T, core: Core): T {
  Object.defineProperty(client, coreKey, { value: core });
  return client;
}
