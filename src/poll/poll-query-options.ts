import { coreOf, type Core } from '../core/core.js';
import { send } from '../core/pipeline.js';
import { buildUrl } from '../core/url.js';
import { resourceUrl } from '../query/keys.js';
import type { QueryFunctionContextLike } from '../query/types.js';
import { checkTimerDelay } from '../retry/timer-limit.js';
import { requestSummary, validated } from './poll.js';
import { pollWait } from './poll-wait.js';
import type { FetchwisePollQueryOptions, PollQueryLike, PollQueryOptionsCall, PollQueryRequestOptions, PollSnapshot } from './types.js';

/**
 * R-202 with TanStack Query: a query on a job's status URL whose `refetchInterval` is the last 202's
 * `Retry-After` (or `interval`), and `false` once the job is done or the query failed.
 */
export const pollQueryOptions: PollQueryOptionsCall = ((client: object, path: string, options?: PollQueryRequestOptions) =>
  createPollQueryOptions(coreOf(client), path, options)) as PollQueryOptionsCall;

function createPollQueryOptions(ctx: Core, path: string, options: PollQueryRequestOptions = {}): FetchwisePollQueryOptions<unknown> {
  const { queryKey: customKey, interval = 1_000, schema, ...request } = options;
  checkTimerDelay('poll interval', interval);
  const url = buildUrl(ctx.baseUrl, path, request.searchParams);
  const queryKey = customKey ?? (request.searchParams === undefined ? [path, 'poll'] : [path, 'poll', url]);
  return {
    queryKey: queryKey as FetchwisePollQueryOptions<unknown>['queryKey'],
    queryFn: async ({ signal }: QueryFunctionContextLike): Promise<PollSnapshot<unknown>> => {
      const result = await send(ctx, 'GET', path, { ...request, signal });
      if (result.status === 202) {
        return { done: false, status: 202, data: result.data, retryAfter: result.retryAfter, location: result.location };
      }
      const data = schema ? await validated(result, schema, requestSummary(ctx, path)) : result.data;
      return { done: true, status: result.status, data, retryAfter: undefined, location: result.location };
    },
    refetchInterval: (query: PollQueryLike<unknown>) => {
      const snapshot = query.state.data;
      if (query.state.status === 'error' || snapshot === undefined || snapshot.done) return false;
      // R-POLL-FLOOR: never sooner than `interval`. TanStack reads 0 as "no interval", so at least 1 ms.
      return Math.max(1, pollWait(snapshot.retryAfter, interval));
    },
    meta: { fetchwise: { url: resourceUrl(url) } },
    retry: false,
  };
}
