import { createAuth, type AuthApi, type Session } from '../../../src/auth/index.ts';
import { createClient, type Client, type ClientWithAuth, type QueryClientLike } from '../../../src/index.ts';
import { TokenResponse } from './schemas.ts';

/** The demo API's only user (also printed by `npm run demo`). */
export const demoCredentials = { username: 'ada@example.com', password: 'lovelace' };

/**
 * The identity provider's client: sign-in and the token endpoint. It has no `auth` itself (a refresh
 * must never wait for a refresh) and no retries (the auth layer decides what a failed refresh means).
 */
export const identity: Client = createClient({ baseUrl: '/api/auth', retry: false });

/** A client made with `auth`: `client.auth` is the session API of `fetchwise/auth`. */
export type DemoClient = ClientWithAuth<AuthApi>;

const toSession = (tokens: { access_token: string; refresh_token: string }): Session => ({
  accessToken: tokens.access_token,
  refreshToken: tokens.refresh_token,
});

/**
 * The one fetchwise client of a page. Every page (React, Vue, Svelte) builds it the same way; only the
 * QueryClient differs, each from its framework's adapter. `storage: 'local'` keeps the session across
 * reloads and pages, and all tabs share it: on a 401, one tab refreshes and the others reuse the result.
 */
export function createDemoClient(queryClient?: QueryClientLike): DemoClient {
  return createClient({
    baseUrl: '/api',
    ...(queryClient ? { queryClient } : {}),
    auth: createAuth({
      storage: 'local',
      channel: 'fetchwise-demo',
      refresh: async ({ session, signal }) =>
        toSession(
          await identity.post('/token', {
            json: { grant_type: 'refresh_token', refresh_token: session?.refreshToken },
            schema: TokenResponse,
            signal,
          }),
        ),
    }),
  });
}

export async function signIn(api: DemoClient, username: string, password: string): Promise<void> {
  const tokens = await identity.post('/login', { json: { username, password }, schema: TokenResponse });
  await api.auth.setSession(toSession(tokens));
}

/** Ends the session on the server (the token is attached by the client) and in every tab. */
export async function signOut(api: DemoClient): Promise<void> {
  await api.post('/auth/logout').catch(() => undefined);
  await api.auth.clearSession();
}

/** Signed in or not, as a subscribable value (React's `useSyncExternalStore`, a Vue ref, a Svelte store). */
export function sessionStatus(api: DemoClient) {
  let ended: 'expired' | 'signed-out' | undefined;
  return {
    subscribe(listener: () => void): () => void {
      return api.auth.subscribe((event) => {
        if (event.type === 'expired' || event.type === 'signed-out') ended = event.type;
        if (event.type === 'signed-in') ended = undefined;
        listener();
      });
    },
    signedIn: (): boolean => api.auth.getAccessToken() !== undefined,
    /** Why the last session ended, to say "your session expired" rather than just showing the sign-in form. */
    ended: () => ended,
  };
}
