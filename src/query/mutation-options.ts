import type { ValidatorStore } from '../conditional/validator-store.js';
import type { Core, SendOptions } from '../core/core.js';
import { send } from '../core/pipeline.js';
import type { HttpMethod } from '../core/types.js';
import { buildUrl } from '../core/url.js';
import { applyWrite } from './invalidate.js';
import { checkVariables, checkVariablesSchema } from './mutation-variables.js';
import type { FetchwiseMutationOptions, MutationRequestOptions, QueryClientLike } from './types.js';
import type { SilentOptions } from './writes.js';

/**
 * R-QUERY-OPTIONS for writes: the variables are the JSON body; `If-Match` is added from the known ETag
 * (R-IF-MATCH); on success the touched queries are updated or invalidated (R-INVALIDATE, R-WRITE-ETAG),
 * and a 412 invalidates them so the UI shows the server's version. With a `variables` schema,
 * the variables are validated first: a failure rejects with a `RequestShapeError` and sends nothing.
 */
export function createMutationOptions(
  core: Core,
  store: ValidatorStore,
  method: HttpMethod,
  path: string | ((variables: never) => string),
  mutationOptions: MutationRequestOptions = {},
): FetchwiseMutationOptions<unknown, unknown> {
  const verb = method.toUpperCase();
  const { variables: variablesSchema, ...options } = mutationOptions;
  checkVariablesSchema(variablesSchema);
  return {
    mutationKey: [verb, typeof path === 'string' ? path : 'dynamic'],
    // TanStack passes `{ client }` to mutationFn since 5.8x; with an older 5.x there is no context, and
    // the cache is then left to the app (or to `createClient({ queryClient })`).
    mutationFn: async (variables: unknown, context?: { client?: QueryClientLike }) => {
      const queryClient = context?.client;
      const target = typeof path === 'string' ? path : path(variables as never);
      const url = buildUrl(core.baseUrl, target);
      const body = variablesSchema ? await checkVariables(variablesSchema, variables, verb, url) : variables;
      // With the mutation's QueryClient at hand, it is told here; without, the client's own (if any) is.
      const silent = queryClient !== undefined;
      const request: SendOptions & SilentOptions = body === undefined ? { ...options, silent } : { ...options, json: body, silent };
      try {
        const result = await send(core, verb, url, request);
        if (queryClient) await applyWrite(queryClient, { method: verb, url, result, schema: options.schema, store });
        return result.data;
      } catch (error) {
        if (queryClient) void applyWrite(queryClient, { method: verb, url, error });
        throw error;
      }
    },
    retry: false,
  };
}
