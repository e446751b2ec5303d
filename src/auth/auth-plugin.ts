import type { Plugin } from '../core/plugin.js';
import { resolveAuthOptions } from './auth-options.js';
import { createOriginPolicy } from './origin-policy.js';
import { Auth } from './session-auth.js';
import type { AuthApi, AuthOptions } from './types.js';

const tokenKey: unique symbol = Symbol('fetchwise.auth.token');

/** What `createAuth` returns: pass it as `createClient({ auth })`; `client.auth` is its `api`. */
export interface AuthPlugin extends Plugin {
  /** The session API, also reachable as `client.auth`. */
  readonly api: AuthApi;
}

/**
 * `fetchwise/auth`: bearer tokens for the API origins, refreshed on 401 once across all tabs
 * (SPEC section 5). Options are checked here; pass the result to one `createClient`.
 */
export function createAuth(options: AuthOptions): AuthPlugin {
  const resolved = resolveAuthOptions(options);
  const auth = new Auth(resolved);
  let setupBase: string | undefined;
  return {
    name: 'auth',
    api: auth.api,
    setup({ baseUrl }) {
      // Two clients may share one session (React StrictMode runs initialisers twice), if they agree on the origins.
      if (resolved.origins && setupBase !== baseUrl) {
        throw new TypeError('fetchwise: this createAuth(…) result already belongs to a client with another baseUrl; call createAuth once per API');
      }
      setupBase = baseUrl;
      resolved.origins = createOriginPolicy(resolved.allowed, baseUrl);
    },
    async beforeAttempt(attempt) {
      const token = await auth.attach(attempt.url, attempt.headers, attempt.signal);
      attempt.state.set(tokenKey, token);
    },
    async afterAttempt(attempt, outcome) {
      const token = attempt.state.get(tokenKey) as string | undefined;
      // R-401-REFRESH: one replay with a fresh token; a second 401 is final.
      if (outcome.ok || token === undefined || attempt.replayed || (outcome.error as { status?: number }).status !== 401) return undefined;
      await auth.recover(token, outcome.error.request, attempt.signal);
      return 'replay';
    },
  };
}
