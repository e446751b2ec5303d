import type { Core } from '../core/core.js';
import { revalidate } from '../conditional/revalidate.js';
import type { ValidatorStore } from '../conditional/validator-store.js';
import { buildUrl } from '../core/url.js';
import { resolveRetryPolicy } from '../retry/policy.js';
import { queryKeyOf, resourceUrl } from './keys.js';
import { queryAttempt, queryRetry } from './attempts.js';
import { withQuerySchema } from './query-schema.js';
import { replaceEqualDeep } from './share.js';
import type { FetchwiseQueryOptions, QueryRequestOptions } from './types.js';

/** R-QUERY-OPTIONS: a query whose refetch of an unchanged resource costs a 304 and keeps the same data object. */
export function createQueryOptions(core: Core, store: ValidatorStore, path: string, options: QueryRequestOptions = {}): FetchwiseQueryOptions<unknown> {
  const { queryKey, ...request } = options;
  // The URL is built once here; each fetch sends it as it is.
  const href = buildUrl(core.baseUrl, path, request.searchParams);
  const policy = resolveRetryPolicy(request.retry, core.retry);
  return {
    queryKey: (queryKey ?? queryKeyOf(path, request.searchParams)) as FetchwiseQueryOptions<unknown>['queryKey'],
    queryFn: (context) => queryAttempt(core, policy, href, context, (trace) => revalidate(core, store, href, request, context, trace)),
    meta: { fetchwise: withQuerySchema({ url: resourceUrl(href), href }, request.schema) },
    ...queryRetry(policy),
    structuralSharing: (oldData: unknown, newData: unknown) => {
      const shared = replaceEqualDeep(oldData, newData);
      if (shared !== newData) store.link(newData, shared);
      return shared;
    },
  };
}
