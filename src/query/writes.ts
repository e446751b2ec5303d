import type { Plugin } from '../core/plugin.js';
import { applyWrite } from './invalidate.js';
import type { QueryClientLike } from './types.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Options a mutation passes: it tells its own QueryClient itself. */
export interface SilentOptions {
  silent?: boolean;
}

/** With `createClient({ queryClient })`: plain writes update or invalidate the queries they touched (R-INVALIDATE). */
export function writes(queryClient: QueryClientLike): Plugin {
  return {
    name: 'query-writes',
    afterCall({ method, url, options }, outcome) {
      if (!writeMethods.has(method) || (options as SilentOptions).silent) return;
      applyWrite(queryClient, outcome.ok ? { method, url, result: outcome.result } : { method, url, error: outcome.error });
    },
  };
}
