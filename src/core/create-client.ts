import ky from 'ky';
import { defaultDialects } from '../problem/default-dialects.js';
import type { Dialect } from '../problem/types.js';
import { resolveRetryPolicy } from '../retry/policy.js';
import { captureJson, toTypedError } from './error-hook.js';
import { send, type ClientContext } from './send.js';
import { dataOf } from './not-modified.js';
import type { Client, ClientOptions, MethodCall, MutationOptionsCall, QueryOptionsCall, RequestCall } from './types.js';
import { createQueryOptions } from '../query/query-options.js';
import { createMutationOptions } from '../query/mutation-options.js';
import { applyWrite } from '../query/invalidate.js';
import { resolveBaseUrl } from './url.js';
import { ValidatorStore } from '../conditional/validator-store.js';
import { createAuth } from '../auth/create-auth.js';
import { batch } from '../batch/batch.js';
import type { BatchCall } from '../batch/types.js';
import { poll } from '../poll/poll.js';
import { createPollQueryOptions } from '../poll/poll-query-options.js';
import type { PollCall, PollQueryOptionsCall } from '../poll/types.js';
import { follow, linkPath, seedEmbedded } from '../hal/follow.js';
import type { FollowCall, LinkPathCall } from '../hal/types.js';
import { createInfiniteQueryOptions, type InfiniteQueryOptionsCall } from '../query/infinite-query-options.js';

const knownOptions = new Set(['baseUrl', 'headers', 'timeout', 'retry', 'dialects', 'fetch', 'onRetry', 'queryClient', 'auth']);
const defaultAccept = 'application/json, */*;q=0.8';
const maxTimeout = 2_147_483_647;

/**
 * Creates a client over one ky instance. Options are validated here, so a bad `baseUrl` or a negative
 * retry limit fails at once rather than at the first request.
 */
export function createClient(options: ClientOptions = {}): Client {
  const ctx = resolveOptions(options);
  const auth = createAuth(options.auth, ctx.baseUrl);
  ctx.auth = auth.handle;
  const call =
    (method: string): MethodCall =>
    (path: string, requestOptions?: object) =>
      send(ctx, method, path, requestOptions).then((result) => dataOf(ctx, method, path, requestOptions, result)) as never;
  const request: RequestCall = (method: string, path: string, requestOptions?: object) =>
    send(ctx, method, path, requestOptions) as never;
  return {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    head: call('HEAD'),
    request,
    subscribe: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('fetchwise: subscribe expects a function');
      ctx.listeners.add(listener);
      return () => void ctx.listeners.delete(listener);
    },
    queryOptions: ((path: string, queryOptions?: object) => createQueryOptions(ctx, path, queryOptions)) as QueryOptionsCall,
    mutationOptions: ((method: string, path: string, mutationOptions?: object) =>
      createMutationOptions(ctx, method, path, mutationOptions)) as MutationOptionsCall,
    auth: auth.api,
    batch: ((path: string, batchOptions?: object) => batch(ctx, path, batchOptions)) as BatchCall,
    poll: ((target: never, pollOptions?: object) => poll(ctx, target, pollOptions)) as PollCall,
    pollQueryOptions: ((path: string, pollOptions?: object) => createPollQueryOptions(ctx, path, pollOptions)) as PollQueryOptionsCall,
    follow: ((resource: unknown, rel: string, followOptions?: object) => follow(ctx, resource, rel, followOptions)) as FollowCall,
    linkPath: ((resource: unknown, rel: string, linkOptions?: object) => linkPath(ctx, resource, rel, linkOptions)) as LinkPathCall,
    seedEmbedded: (queryClient, resource, seedOptions) => seedEmbedded(ctx, queryClient, resource, seedOptions),
    infiniteQueryOptions: ((path: string, infiniteOptions?: object) => createInfiniteQueryOptions(ctx, path, infiniteOptions)) as InfiniteQueryOptionsCall,
  };
}

function resolveOptions(options: ClientOptions): ClientContext {
  if (typeof options !== 'object' || options === null) throw new TypeError('fetchwise: createClient expects an options object');
  for (const key of Object.keys(options)) {
    if (!knownOptions.has(key)) {
      const near = [...knownOptions].find((known) => known.toLowerCase() === key.toLowerCase());
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
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('fetchwise: fetch must be a function');
  if (options.onRetry !== undefined && typeof options.onRetry !== 'function') throw new TypeError('fetchwise: onRetry must be a function');
  const { queryClient } = options;
  if (queryClient !== undefined && typeof queryClient?.invalidateQueries !== 'function') {
    throw new TypeError('fetchwise: queryClient must be a TanStack QueryClient');
  }
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (cause) {
    throw new TypeError(`fetchwise: headers are invalid (${(cause as Error).message})`, { cause });
  }
  if (!headers.has('accept')) headers.set('accept', defaultAccept);
  const instance = ky.create({
    retry: 0,
    // A plain object: ky merges two plain objects with a spread, two Headers with two copies per request.
    headers: Object.fromEntries(headers),
    parseJson: captureJson,
    hooks: { beforeError: [toTypedError] },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    ky: instance,
    baseUrl: resolveBaseUrl(options.baseUrl),
    retry: resolveRetryPolicy(options.retry),
    timeout,
    dialects: [...dialects, ...defaultDialects],
    onRetry: options.onRetry,
    headers,
    store: new ValidatorStore(),
    auth: undefined,
    listeners: new Set(),
    afterWrite: queryClient ? (write) => applyWrite(queryClient, write) : undefined,
  };
}
