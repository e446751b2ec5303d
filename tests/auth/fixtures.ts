import { createAuth, type AuthApi, type AuthOptions, type Session } from '../../src/auth/index.js';
import { createClient, type ClientWithAuth } from '../../src/index.js';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startServer, type RecordedRequest, type TestServer } from '../helpers/server.js';

/**
 * A small identity provider on the test server: access tokens valid until `expireAll()`, rotating
 * refresh tokens where a reused one is rejected (and revokes the session), and `/api/*` routes that
 * want a valid Bearer token.
 */
export interface TokenApi {
  refreshCalls: number;
  revoked: boolean;
  /** Signs in: the session a login would return. */
  login(): Session;
  /** Every access token issued so far is now expired. */
  expireAll(): void;
  /** The next refresh answers 400 invalid_grant (`'reject'`), 503 (`'unavailable'`) or normally. */
  refreshMode: 'ok' | 'reject' | 'unavailable';
  refreshDelay: number;
  /** Every token issued, to check that none leaks into errors. */
  issued: string[];
}

let uniqueChannel = 0;
/** Node's BroadcastChannel reaches every client in the process: each test gets its own channel name. */
export const channelName = (): string => `fetchwise-test-${process.pid}-${++uniqueChannel}`;

export function installTokenApi(server: TestServer): TokenApi {
  let serial = 0;
  const valid = new Set<string>();
  const refreshTokens = new Map<string, 'fresh' | 'used'>();
  const issue = (): Session => {
    serial++;
    const session = { accessToken: `at-${serial}-${Math.random().toString(36).slice(2)}`, refreshToken: `rt-${serial}-${Math.random().toString(36).slice(2)}` };
    valid.add(session.accessToken);
    refreshTokens.set(session.refreshToken, 'fresh');
    api.issued.push(session.accessToken, session.refreshToken);
    return session;
  };
  const api: TokenApi = {
    refreshCalls: 0,
    revoked: false,
    refreshMode: 'ok',
    refreshDelay: 20,
    issued: [],
    login: issue,
    expireAll: () => valid.clear(),
  };
  const authorized = (request: RecordedRequest) => {
    const match = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
    return match !== null && valid.has(match[1] ?? '') && !api.revoked;
  };
  server.route('POST', '/token', (request) => {
    api.refreshCalls++;
    const presented = (JSON.parse(request.body || '{}') as { refreshToken?: string }).refreshToken ?? '';
    if (api.refreshMode === 'unavailable') return { status: 503, delay: api.refreshDelay, body: { error: 'temporarily_unavailable' } };
    if (api.refreshMode === 'reject') return { status: 400, delay: api.refreshDelay, body: { error: 'invalid_grant' } };
    const state = refreshTokens.get(presented);
    if (state !== 'fresh' || api.revoked) {
      if (state === 'used') api.revoked = true; // reuse detection, as real providers do
      return { status: 400, delay: api.refreshDelay, body: { error: 'invalid_grant' } };
    }
    refreshTokens.set(presented, 'used');
    return { status: 200, delay: api.refreshDelay, body: issue() };
  });
  server.route('GET', '/api/me', (request) =>
    authorized(request) ? { body: { ok: true } } : { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: { title: 'Unauthorized' } },
  );
  server.route('GET', '/api/slow', (request) => {
    const ok = authorized(request); // judged on arrival, answered later
    return ok ? { delay: 150, body: { ok: true } } : { status: 401, delay: 150, body: { title: 'Unauthorized' } };
  });
  server.route('GET', '/api/always-401', () => ({ status: 401, body: { title: 'Unauthorized' } }));
  return api;
}

/** The app's `refresh`: token in the body, as an OAuth token endpoint takes it. */
export function bodyRefresh(server: TestServer): AuthOptions['refresh'] {
  return async ({ session, signal }) => {
    const response = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session?.refreshToken }),
      signal,
    });
    const body = (await response.json()) as Session & { error?: string };
    if (!response.ok) throw Object.assign(new Error(`refresh failed: ${response.status} ${body.error ?? ''}`), { status: response.status });
    return body;
  };
}

/** A client whose `client.auth` is the session API. */
export type AuthClient = ClientWithAuth<AuthApi>;

export function authClient(server: TestServer, auth: Partial<AuthOptions> = {}): AuthClient {
  return createClient({ baseUrl: server.url, retry: false, auth: createAuth({ refresh: bodyRefresh(server), channel: channelName(), ...auth }) });
}

export const fail = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

/**
 * One test server per file with the token API installed afresh before each test (`onReset` gets both),
 * and every client pushed to the returned list disposed after each test.
 */
export function useAuthTestServer(onReset: (server: TestServer, tokens: TokenApi) => void): AuthClient[] {
  let server: TestServer | undefined;
  const clients: AuthClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  beforeEach(() => {
    server!.reset();
    onReset(server!, installTokenApi(server!));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.auth.dispose()));
  });
  afterAll(() => server?.close());
  return clients;
}
