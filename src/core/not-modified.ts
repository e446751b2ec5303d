import { summarizeRequest } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import type { Core, SendOptions } from './core.js';
import { headersWithout, preconditions, send } from './pipeline.js';
import type { FetchResult } from './types.js';
import { buildUrl } from './url.js';

/**
 * R-304-MISS: one unconditional re-request for a 304 that nothing here can answer from (the caller
 * sent `If-None-Match` itself, the cached data is gone, or the server answers 304 to anything). Its
 * conditional headers are dropped and the browser cache is bypassed; a second 304 is a
 * `ResponseShapeError` (code `not_modified`), never `undefined` and never another resource's data.
 */
export async function refetchUnconditionally(core: Core, method: string, path: string, options: SendOptions): Promise<FetchResult<unknown>> {
  const fresh = await send(core, method, path, { ...options, headers: headersWithout(options.headers, preconditions), cache: 'no-store' });
  if (fresh.status !== 304) return fresh;
  throw new ResponseShapeError(summarizeRequest(method, buildUrl(core.baseUrl, path, options.searchParams)), {
    status: 304,
    issues: [{ path: '', message: 'The server answered 304 Not Modified to an unconditional request: there is no data to resolve with', code: 'not_modified' }],
    raw: undefined,
  });
}

/** What `client.get` (and the other data-only calls) resolve with: a 304 is never data (R-304-MISS). */
export function dataOf(core: Core, method: string, path: string, options: SendOptions, result: FetchResult<unknown>): unknown {
  return result.status === 304 ? refetchUnconditionally(core, method, path, options).then((fresh) => fresh.data) : result.data;
}
