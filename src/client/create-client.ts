import { attachCore } from '../core/core.js';
import type { SendOptions } from '../core/core.js';
import { dataOf } from '../core/not-modified.js';
import { send } from '../core/pipeline.js';
import { conditional } from '../conditional/plugin.js';
import { ValidatorStore } from '../conditional/validator-store.js';
import { createInfiniteQueryOptions } from '../query/infinite-query-options.js';
import { createMutationOptions } from '../query/mutation-options.js';
import { createQueryOptions } from '../query/query-options.js';
import { writes } from '../query/writes.js';
import { resolveOptions } from './options.js';
import type {
  AuthPluginLike,
  Client,
  ClientOptions,
  ClientWithAuth,
  MethodCall,
  MutationOptionsCall,
  QueryOptionsCall,
  RequestCall,
} from './types.js';
import type { InfiniteQueryOptionsCall } from '../query/infinite-query-options.js';

/**
 * Creates a client: one pipeline on one ky instance, with conditional requests (ETags, 304, If-Match,
 * 412) and the TanStack Query options built in, and whatever `auth` and `plugins` you pass.
 */
export function createClient<Api>(options: ClientOptions & { auth: AuthPluginLike<Api> }): ClientWithAuth<Api>;
export function createClient(options?: ClientOptions): Client;
export function createClient(options: ClientOptions = {}): Client {
  const core = resolveOptions(options);
  const store = new ValidatorStore();
  // Built-in steps first, so the app's (a signer) see the final headers.
  if (options.auth) core.plugins.push(options.auth);
  core.plugins.push(conditional(store));
  if (options.queryClient) core.plugins.push(writes(options.queryClient, store));
  core.plugins.push(...(options.plugins ?? []));
  for (const plugin of core.plugins) plugin.setup?.({ baseUrl: core.baseUrl });
  const call =
    (method: string): MethodCall =>
    (path: string, requestOptions?: SendOptions) =>
      send(core, method, path, requestOptions, dataOf) as never;
  const client: Client & { auth?: unknown } = {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    head: call('HEAD'),
    request: ((method: string, path: string, requestOptions?: SendOptions) => send(core, method, path, requestOptions)) as RequestCall,
    subscribe: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('fetchwise: subscribe expects a function');
      core.listeners.add(listener);
      return () => void core.listeners.delete(listener);
    },
    queryOptions: ((path: string, queryOptions?: object) => createQueryOptions(core, store, path, queryOptions)) as QueryOptionsCall,
    mutationOptions: ((method: string, path: string, mutationOptions?: object) =>
      createMutationOptions(core, store, method, path, mutationOptions)) as MutationOptionsCall,
    infiniteQueryOptions: ((path: string, infiniteOptions?: object) => createInfiniteQueryOptions(core, path, infiniteOptions)) as InfiniteQueryOptionsCall,
  };
  if (options.auth) client.auth = options.auth.api;
  return attachCore(client, core);
}
