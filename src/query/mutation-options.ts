import type { Core } from '../core/core.js';
import { send } from '../core/pipeline.js';
import type { SendOptions } from '../core/core.js';
import type { HttpMethod } from '../core/types.js';
import { buildUrl } from '../core/url.js';
import { applyWrite } from './invalidate.js';
import type { SilentOptions } from './writes.js';
import type { FetchwiseMutationOptions, MutationRequestOptions, QueryClientLike } from './types.js';

/**
 * R-QUERY-OPTIONS for writes: the variables are the JSON body; `If-Match` is added from the known ETag
 * (R-IF-MATCH); on success the touched queries are updated or invalidated (R-INVALIDATE, R-WRITE-ETAG),
 * and a 412 invalidates them so the UI shows the server's version.
 */
export function createMutationOptions(
  core: Core,
  method: HttpMethod,
  path: string | ((variables: never) => string),
  options: MutationRequestOptions = {},
): FetchwiseMutationOptions<unknown, unknown> {
  const verb = method.toUpperCase();
  return {
    mutationKey: [verb, typeof path === 'string' ? path : 'dynamic'],
    mutationFn: async (variables: unknown, context: { client: QueryClientLike }) => {
      const target = typeof path === 'string' ? path : path(variables as never);
      const request = variables === undefined ? options : { ...options, json: variables };
      const url = buildUrl(core.baseUrl, target);
      try {
        const sendOptions: SendOptions & SilentOptions = { ...request, silent: true };
        const result = await send(core, verb, url, sendOptions);
        applyWrite(context.client, { method: verb, url, result });
        return result.data;
      } catch (error) {
        applyWrite(context.client, { method: verb, url, error });
        throw error;
      }
    },
    retry: false,
  };
}
