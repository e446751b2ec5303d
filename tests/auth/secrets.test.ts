import { inspect } from 'node:util';
import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { createAuth } from '../../src/auth/index.js';
import { createClient, isNetworkError, isSessionExpiredError, isUnauthorizedError } from '../../src/index.js';
import type { TestServer } from '../helpers/server.js';
import { authClient, channelName, fail, useAuthTestServer, type TokenApi } from './fixtures.js';

let server: TestServer;
let tokens: TokenApi;
const clients = useAuthTestServer((s, t) => {
  server = s;
  tokens = t;
});

/** Every way an error gets looked at: message, stack, JSON, util.inspect (what console.log prints), with its causes. */
function everything(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const e = current as Error;
    parts.push(String(e?.message), String(e?.stack), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }));
    current = e?.cause;
  }
  return parts.join('\n');
}

function expectNoToken(error: unknown): void {
  const text = everything(error);
  for (const token of tokens.issued) expect(text).not.toContain(token);
  expect(text).not.toMatch(/Bearer \S/);
}

describe('R-TOKEN-SECRET: no token in errors, logs or thrown objects', () => {
  it('R-TOKEN-SECRET: the UnauthorizedError after a refresh holds neither the old nor the new token', async () => {
    const client = authClient(server);
    clients.push(client);
    await client.auth.setSession(tokens.login());
    const error = await fail(client.get('/api/always-401', { searchParams: { access_token: tokens.issued[0] ?? '' } }));
    expect(isUnauthorizedError(error)).toBe(true);
    expectNoToken(error);
  });

  it('R-TOKEN-SECRET: a SessionExpiredError does not carry what the app refresh threw (ky keeps the body with the refresh token)', async () => {
    const client = createClient({
      baseUrl: server.url,
      retry: false,
      auth: createAuth({
        channel: channelName(),
        // ky's HTTPError keeps `options.json`, i.e. the refresh token, and `request`.
        refresh: ({ session }) => ky.post(`${server.url}/token`, { json: { refreshToken: session?.refreshToken }, retry: 0 }).json(),
      }),
    });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    tokens.refreshMode = 'reject';
    tokens.expireAll();
    const error = await fail(client.get('/api/me'));
    expect(isSessionExpiredError(error)).toBe(true);
    expect(String((error as Error).cause)).toMatch(/refresh failed: HTTPError 400/);
    expectNoToken(error);
  });

  it('R-TOKEN-SECRET: a refresh error whose message quotes the token is reduced to its name and status', async () => {
    const client = createClient({
      baseUrl: server.url,
      retry: false,
      auth: createAuth({
        channel: channelName(),
        refresh: ({ session }) => Promise.reject(Object.assign(new Error(`bad token ${session?.refreshToken}`), { status: 401, code: session?.refreshToken })),
      }),
    });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    tokens.expireAll();
    const error = await fail(client.get('/api/me'));
    expect(isSessionExpiredError(error)).toBe(true);
    expect(String((error as Error).cause)).toBe('RefreshFailure: refresh failed: Error 401');
    expectNoToken(error);
  });

  it('R-TOKEN-SECRET: the NetworkError of a refresh that could not reach the provider holds no token', async () => {
    const client = createClient({
      baseUrl: server.url,
      retry: false,
      auth: createAuth({
        channel: channelName(),
        refresh: ({ session }) => fetch(`http://127.0.0.1:1/token?refresh_token=${session?.refreshToken}`).then(() => ({ accessToken: 'never' })),
      }),
    });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    tokens.expireAll();
    const error = await fail(client.get('/api/me'));
    expect(isNetworkError(error)).toBe(true);
    expectNoToken(error);
  });

  it('R-TOKEN-SECRET: setSession with a malformed session says what is wrong without echoing it', async () => {
    const client = authClient(server);
    clients.push(client);
    const error = await fail(client.auth.setSession({ accessToken: 42, refreshToken: 'rt-secret-value' } as never));
    expect(String(error)).toMatch(/setSession expects/);
    expect(everything(error)).not.toContain('rt-secret-value');
  });
});
