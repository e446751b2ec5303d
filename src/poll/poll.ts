import { coreOf, type Core } from '../core/core.js';
import { send } from '../core/pipeline.js';
import { validate, type StandardSchemaV1 } from '../core/schema.js';
import { sleep } from '../core/sleep.js';
import type { FetchResult } from '../core/types.js';
import { buildUrl } from '../core/url.js';
import { summarizeRequest, type RequestSummary } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { checkTimerDelay } from '../retry/timer-limit.js';
import { pollWait } from './poll-wait.js';
import type { PollCall, PollOptions } from './types.js';

/** R-202 (`fetchwise/poll`): each poll is an ordinary GET through the client's pipeline, so auth and retries apply. */
export const poll: PollCall = ((client: object, target: string | FetchResult<unknown>, options?: PollOptions) =>
  pollWith(coreOf(client), target, options)) as PollCall;

async function pollWith(ctx: Core, target: string | FetchResult<unknown>, options: PollOptions = {}): Promise<FetchResult<unknown>> {
  const { interval = 1_000, maxWait = 300_000, onPending, schema, signal, ...request } = options;
  checkTimerDelay('poll interval', interval);
  checkTimerDelay('poll maxWait', maxWait);
  if (signal?.aborted) throw signal.reason;
  let url: string;
  let wait: number;
  if (typeof target === 'string') {
    url = target;
    wait = 0;
  } else {
    if (target.status !== 202) return target;
    if (target.location === undefined) throw new TypeError('fetchwise: poll needs a 202 with a Location header to follow (a cross-origin API must list Location in Access-Control-Expose-Headers)');
    url = target.location;
    wait = pollWait(target.retryAfter, interval);
  }
  const started = Date.now();
  const expired = () => new TimeoutError(requestSummary(ctx, url), { timeout: maxWait, retryable: false });
  // The deadline aborts a request in flight too; the caller's signal wins with its own reason.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(expired()), maxWait);
  const combined = anySignal([signal, deadline.signal]);
  try {
    for (;;) {
      if (wait > 0) {
        if (Date.now() - started + wait > maxWait) throw expired();
        await sleep(wait, combined.signal);
      }
      const result = await send(ctx, 'GET', url, { ...request, signal: combined.signal });
      if (result.status !== 202) return schema ? { ...result, data: await validated(result, schema, requestSummary(ctx, url)) } : result;
      onPending?.(result);
      url = result.location ?? url;
      wait = pollWait(result.retryAfter, interval);
    }
  } finally {
    clearTimeout(timer);
    combined.dispose();
  }
}

/** Validates a terminal response's body; a failure is a `ResponseShapeError`, as for any request. */
export async function validated(result: FetchResult<unknown>, schema: StandardSchemaV1, request: RequestSummary): Promise<unknown> {
  const outcome = await validate(schema, result.data);
  if (!outcome.ok) throw new ResponseShapeError(request, { status: result.status, issues: outcome.issues, raw: result.data });
  return outcome.value;
}

export function requestSummary(ctx: Core, path: string): RequestSummary {
  try {
    return summarizeRequest('GET', buildUrl(ctx.baseUrl, path));
  } catch {
    return summarizeRequest('GET', path);
  }
}

/** One signal that aborts with the reason of whichever input aborts first (`AbortSignal.any`, with a teardown). */
function anySignal(signals: readonly (AbortSignal | undefined)[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  // Aborting `teardown` removes every listener added here.
  const teardown = new AbortController();
  for (const input of signals) {
    if (input?.aborted) {
      controller.abort(input.reason);
      break;
    }
    input?.addEventListener('abort', () => controller.abort(input.reason), { once: true, signal: teardown.signal });
  }
  return { signal: controller.signal, dispose: () => teardown.abort() };
}
