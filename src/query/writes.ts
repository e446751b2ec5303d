import type { ValidatorStore } from '../conditional/validator-store.js';
import type { Plugin } from '../core/plugin.js';
import { applyWrite } from './invalidate.js';
import type { QueryClientLike } from './types.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Options a mutation passes: it tells its own QueryClient itself. */
export interface SilentOptions {
  silent?: boolean;
}

/**
 * With `createClient({ queryClient })`: plain writes update or invalidate the queries they touched
 * (R-INVALIDATE); a successful write resolves once the cache holds its result (R-WRITE-SCHEMA).
 */
export function writes(queryClient: QueryClientLike, store: ValidatorStore): Plugin {
  return {
    name: 'query-writes',
    afterCall({ method, url, options }, outcome) {
      if (!writeMethods.has(method) || (options as SilentOptions).silent) return;
      if (!outcome.ok) return void applyWrite(queryClient, { method, url, error: outcome.error });
      return applyWrite(queryClient, { method, url, result: outcome.result, schema: options.schema, store });
    },
  };
}
