import { checkTimerDelay } from '../retry/timer-limit.js';
import { createOriginPolicy, type OriginPolicy } from './origin-policy.js';
import { createTokenStore, type TokenStore } from './token-store.js';
import type { AuthOptions } from './types.js';

/** `auth` options, checked once at `createClient`. */
export interface ResolvedAuthOptions {
  refresh: AuthOptions['refresh'];
  /** Set by the client (`setup`): the default depends on its `baseUrl`. */
  origins: OriginPolicy | undefined;
  /** `origins` as given. */
  allowed: unknown;
  store: TokenStore;
  channel: string;
  onSessionExpired: (() => void) | undefined;
  lockTimeout: number;
  refreshBefore: number | undefined;
}

const knownAuthOptions = ['refresh', 'origins', 'storage', 'channel', 'onSessionExpired', 'lockTimeout', 'refreshBefore'];

export function resolveAuthOptions(options: unknown): ResolvedAuthOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError('fetchwise: auth must be an object such as { refresh: async ({ session }) => newSession }');
  }
  for (const key of Object.keys(options)) {
    if (!knownAuthOptions.includes(key)) {
      const near = knownAuthOptions.find((known) => known.toLowerCase() === key.toLowerCase());
      throw new TypeError(`fetchwise: unknown auth option "${key}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  const auth = options as Partial<AuthOptions>;
  if (typeof auth.refresh !== 'function') {
    throw new TypeError('fetchwise: auth.refresh is required: a function that gets a new session from your identity provider, e.g. async ({ session, signal }) => ({ accessToken, refreshToken, expiresAt })');
  }
  const channel = auth.channel ?? 'fetchwise-auth';
  if (typeof channel !== 'string' || channel.trim() === '') throw new TypeError('fetchwise: auth.channel must be a non-empty string');
  if (auth.onSessionExpired !== undefined && typeof auth.onSessionExpired !== 'function') {
    throw new TypeError('fetchwise: auth.onSessionExpired must be a function');
  }
  // R-TIMER-LIMIT: both become setTimeout delays.
  const lockTimeout = checkTimerDelay('auth.lockTimeout', auth.lockTimeout ?? 10_000, 100);
  const { refreshBefore } = auth;
  if (refreshBefore !== undefined) checkTimerDelay('auth.refreshBefore', refreshBefore);
  // R-AUTH-ORIGIN: explicit origins are checked here; the default (the client's baseUrl) at createClient.
  if (auth.origins !== undefined) createOriginPolicy(auth.origins, undefined);
  return {
    refresh: auth.refresh,
    origins: undefined,
    allowed: auth.origins,
    store: createTokenStore(auth.storage, channel),
    channel,
    onSessionExpired: auth.onSessionExpired,
    lockTimeout,
    refreshBefore,
  };
}
