import type { SendOptions } from '../core/core.js';
import type { Plugin } from '../core/plugin.js';
import { warnHiddenHeader } from './cors-warning.js';
import { conditionalHeaders, sameVariant, type ValidatorStore, type Validators } from './validator-store.js';
import { addIfMatch, storeValidators } from './write-preconditions.js';

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
 * 412 and on a write that sends none back (R-WRITE-NO-ETAG); weak ETags are never sent in
 * `If-Match`, and development builds say so once per origin (R-WEAK-ETAG).
 */
export function conditional(store: ValidatorStore): Plugin {
  return {
    name: 'conditional',
    beforeAttempt({ method, url, headers, options }) {
      if (conditionalWrites.has(method)) addIfMatch(store, url, headers);
      else if (method === 'GET') {
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
      if (result.status === 201 && result.location === undefined) warnHiddenHeader(store.warnings, 'Location', url);
      // A DELETE answered 404 (already gone) leaves nothing to protect either.
      if (method === 'DELETE' && result.alreadyGone) return store.forget(url);
      if (result.status >= 300 || (method !== 'GET' && !conditionalWrites.has(method))) return;
      // R-ETAG-STORE, R-WRITE-ETAG, R-WRITE-NO-ETAG
      storeValidators(store, method, url, result.headers, headers, result.data, (options as ConditionalOptions).track === true);
    },
  };
}
