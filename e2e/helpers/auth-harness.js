// Loaded by the auth test page (see auth-server.ts): drives the BUILT library from page.evaluate.
// `fetchwise` and `fetchwise/auth` resolve through the page's import map to dist/index.js and dist/auth.js.
import { createClient, isNetworkError, isSessionExpiredError, isUnauthorizedError } from 'fetchwise';
import { createAuth } from 'fetchwise/auth';

/** The app's refresh, token in the body (an OAuth token endpoint). */
async function bodyRefresh({ session, signal }) {
  const response = await fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session?.refreshToken }),
    signal,
  });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error('refresh rejected'), { status: response.status, code: body.error });
  return body;
}

/** The app's refresh, refresh token in an httpOnly cookie that the browser sends by itself. */
async function cookieRefresh({ signal }) {
  const response = await fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin', signal });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error('refresh rejected'), { status: response.status, code: body.error });
  return body;
}

function classify(error) {
  if (isSessionExpiredError(error)) return 'SessionExpiredError';
  if (isUnauthorizedError(error)) return 'UnauthorizedError';
  if (isNetworkError(error)) return 'NetworkError';
  return `${error?.name}: ${error?.message}`;
}

const harness = {
  client: undefined,
  mode: 'body',
  events: [],
  expired: 0,

  /** A new client (options: { mode, storage, lockTimeout, refreshBefore, channel, origins }). */
  make(options = {}) {
    const { mode = 'body', listen: _listen, ...auth } = options;
    const client = createClient({
      baseUrl: `${location.origin}/api`,
      retry: false,
      timeout: 20_000,
      auth: createAuth({
        refresh: mode === 'cookie' ? cookieRefresh : bodyRefresh,
        onSessionExpired: () => {
          if (harness.client === client) harness.expired++;
        },
        ...auth,
      }),
    });
    return client;
  },

  /** Makes `harness.client`; `listen: false` leaves it idle until its first use. */
  create(options = {}) {
    harness.mode = options.mode ?? 'body';
    harness.events = [];
    harness.expired = 0;
    harness.client = harness.make(options);
    // Subscribing is a use: the client starts listening to the other tabs now, as an app's would at its first request.
    if (options.listen !== false) harness.client.auth.subscribe((event) => harness.events.push(`${event.type}:${event.source}`));
    return true;
  },

  /** A new session from the provider's login endpoint. */
  async session() {
    const response = await fetch(`/auth/login?mode=${harness.mode}`, { method: 'POST' });
    return response.json();
  },

  async login() {
    await harness.client.auth.setSession(await harness.session());
    return harness.client.auth.getAccessToken();
  },

  token: () => harness.client.auth.getAccessToken(),

  /** Waits until `startAt` (epoch ms, shared by the tabs), then sends `count` requests at once. */
  async burst(count, path = '/data', startAt = 0) {
    while (Date.now() < startAt) await new Promise((resolve) => setTimeout(resolve, Math.min(4, startAt - Date.now())));
    return Promise.all(
      Array.from({ length: count }, async () => {
        const started = performance.now();
        try {
          await harness.client.get(path);
          return { ok: true, ms: performance.now() - started };
        } catch (error) {
          return { ok: false, error: classify(error), ms: performance.now() - started };
        }
      }),
    );
  },

  /** Starts a burst without waiting for it; `collect()` returns its results. */
  start(count, path = '/data') {
    harness.pending = harness.burst(count, path);
    return true;
  },
  collect: () => harness.pending,
};

window.harness = harness;
