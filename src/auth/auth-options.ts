import { checkTimerDelay } from '../retry/timer-limit.js';
import { createOriginPolicy, type OriginPolicy } from './origin-policy.js';
import { createTokenStore, type TokenStore } from './token-store.js';
import type { AuthOptions } from './types.js';

/** `auth` options, checked once at `createClient`. */
export interface ResolvedAuthOptions {
  refresh: AuthOptions['refresh'];
  origins: OriginPolicy;
  store: TokenStore;
  channel: string;
  onSessionExpired: (() => void) | undefined;
  lockTimeout: number;
  refreshBefore: number | undefined;
}

const knownAuthOptions = ['refresh', 'origins', 'storage', 'channel', 'onSessionExpired', 'lockTimeout', 'refreshBefore'];

export function resolveAuthOptions(options: unknown, baseUrl: string | undefined): ResolvedAuthOptions {
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
  return {
    refresh: auth.refresh,
    origins: createOriginPolicy(auth.origins, baseUrl),
    store: createTokenStore(auth.storage, channel),
    channel,
    onSessionExpired: auth.onSessionExpired,
    lockTimeout,
    refreshBefore,
  };
}
