import type { SendOptions } from '../core/core.js';
import type { Plugin } from '../core/plugin.js';
import { warnHiddenHeader } from './cors-warning.js';
import { conditionalHeaders, readValidators, sameVariant, type ValidatorStore, type Validators } from './validator-store.js';

/** What the query layer adds to a revalidation's options. */
export interface ConditionalOptions extends SendOptions {
  /** The validators of the data the query cache holds: sent as `If-None-Match` / `If-Modified-Since`. */
  validators?: Validators | undefined;
  /** Pair the response's validators with its data object (query data). */
  track?: boolean;
}

const conditionalWrites = new Set(['PUT', 'PATCH', 'DELETE']);

/**
 * Conditional requests as a plugin: `If-Match` on writes (R-IF-MATCH), `If-None-Match` on a query's
 * revalidation, validators stored from responses (R-ETAG-STORE, R-WRITE-ETAG), forgotten on
 * 412 and on a write that sends none back.
 */
export function conditional(store: ValidatorStore): Plugin {
  return {
    name: 'conditional',
    beforeAttempt({ method, url, headers, options }) {
      if (conditionalWrites.has(method)) {
        // Weak ETags are never sent in If-Match; a caller's own If-Match wins.
        const etag = 'if-match' in headers ? undefined : store.ifMatch(url);
        if (etag !== undefined) headers['if-match'] = etag;
      } else if (method === 'GET') {
        const { validators } = options as ConditionalOptions;
        if (validators && sameVariant(validators, headers)) conditionalHeaders(validators, headers);
      }
    },
    afterAttempt({ url }, outcome) {
      // what we knew of this resource is stale.
      if (!outcome.ok && (outcome.error as { status?: number }).status === 412) store.forget(url);
    },
    afterCall({ method, url, headers, options }, outcome) {
      if (!outcome.ok) return;
      const { result } = outcome;
      if (result.status === 201 && result.location === undefined) warnHiddenHeader('Location', url);
      if (result.status >= 300) return;
      if (method === 'DELETE') return store.forget(url);
      if (method !== 'GET' && method !== 'PUT' && method !== 'PATCH') return;
      const validators = readValidators(result.headers, headers);
      if (validators) store.remember(url, validators, (options as ConditionalOptions).track || method !== 'GET' ? result.data : undefined);
    },
  };
}
