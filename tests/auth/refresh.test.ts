import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../src/auth/index.js';
import { isNetworkError, isSessionExpiredError, isUnauthorizedError } from '../../src/index.js';
import type { TestServer } from '../helpers/server.js';
import { authClient, fail, useAuthTestServer, type AuthClient, type TokenApi } from './fixtures.js';

let server: TestServer;
let tokens: TokenApi;
const clients = useAuthTestServer((s, t) => {
  server = s;
  tokens = t;
});

async function signedIn(options: Parameters<typeof authClient>[1] = {}): Promise<AuthClient> {
  const client = authClient(server, options);
  clients.push(client);
  await client.auth.setSession(tokens.login());
  return client;
}

describe('R-401-REFRESH', () => {
  it('R-401-REFRESH: a 401 refreshes the token and replays the request once with the new one', async () => {
    const client = await signedIn();
    const events: SessionEvent[] = [];
    client.auth.subscribe((event) => events.push(event));
    const before = client.auth.getAccessToken();
    tokens.expireAll();
    await expect(client.get('/api/me')).resolves.toEqual({ ok: true });
    expect(tokens.refreshCalls).toBe(1);
    const sent = server.requests.filter((r) => r.path === '/api/me').map((r) => r.headers.authorization);
    expect(sent).toEqual([`Bearer ${before}`, `Bearer ${client.auth.getAccessToken()}`]);
    expect(events).toEqual([{ type: 'refreshed', source: 'this-tab' }]);
  });

  it('R-401-REFRESH: a second 401 is an UnauthorizedError, with one refresh and two requests (no loop)', async () => {
    const client = await signedIn();
    const error = await fail(client.get('/api/always-401'));
    expect(isUnauthorizedError(error)).toBe(true);
    expect(server.count('GET', '/api/always-401')).toBe(2);
    expect(tokens.refreshCalls).toBe(1);
  });

  it('R-401-REFRESH: many requests to an endpoint that always says 401 stay bounded: two each, one refresh', async () => {
    const client = await signedIn();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.get('/api/always-401')));
    expect(results.every((r) => r.status === 'rejected' && isUnauthorizedError(r.reason))).toBe(true);
    expect(server.count('GET', '/api/always-401')).toBe(10);
    expect(tokens.refreshCalls).toBe(1);
  });
});

describe('R-REFRESH-ONCE and R-REFRESH-ROTATE in one tab', () => {
  it('R-REFRESH-ONCE: 10 concurrent 401s cause exactly one refresh, and all 10 succeed', async () => {
    const client = await signedIn();
    tokens.expireAll();
    const results = await Promise.all(Array.from({ length: 10 }, () => client.get('/api/me')));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    expect(tokens.refreshCalls).toBe(1);
    expect(tokens.revoked).toBe(false);
  });

  it('R-REFRESH-ONCE: a refresh finished while a request was in flight with the old token is reused, not repeated', async () => {
    const client = await signedIn();
    tokens.expireAll();
    const slow = client.get('/api/slow'); // carries the old token, answers 401 after 150 ms
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.get('/api/me'); // 401 → refresh → replay, done before the slow one answers
    await expect(slow).resolves.toEqual({ ok: true });
    expect(tokens.refreshCalls).toBe(1);
    expect(server.count('GET', '/api/slow')).toBe(2);
  });

  it('R-REFRESH-ROTATE: rounds of expiry with rotating refresh tokens never present one twice', async () => {
    const client = await signedIn();
    for (let round = 1; round <= 5; round++) {
      tokens.expireAll();
      await Promise.all(Array.from({ length: 4 }, () => client.get('/api/me')));
      expect(tokens.refreshCalls).toBe(round);
    }
    expect(tokens.revoked).toBe(false);
  });

  it('R-REFRESH-ONCE: requests started during a refresh wait for it and go out with the new token', async () => {
    const client = await signedIn();
    tokens.refreshDelay = 100;
    tokens.expireAll();
    const first = client.get('/api/me');
    await new Promise((resolve) => setTimeout(resolve, 30)); // the refresh is under way
    const late = await client.get('/api/me');
    expect(late).toEqual({ ok: true });
    await first;
    expect(tokens.refreshCalls).toBe(1);
    expect(server.count('GET', '/api/me')).toBe(3); // first, its replay, and the late one once
  });
});

describe('R-REFRESH-FAIL', () => {
  it('R-REFRESH-FAIL: a rejected refresh rejects every waiting request with SessionExpiredError, once, and clears the session', async () => {
    let expired = 0;
    const client = await signedIn({ onSessionExpired: () => expired++ });
    const events: SessionEvent[] = [];
    client.auth.subscribe((event) => events.push(event));
    tokens.refreshMode = 'reject';
    tokens.expireAll();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.get('/api/me')));
    expect(results.every((r) => r.status === 'rejected' && isSessionExpiredError(r.reason))).toBe(true);
    expect(tokens.refreshCalls).toBe(1);
    expect(expired).toBe(1);
    expect(events).toEqual([{ type: 'expired', source: 'this-tab' }]);
    expect(client.auth.getAccessToken()).toBeUndefined();
    // No retry storm: later requests go out without a token and fail as plain 401s, no refresh.
    await expect(client.get('/api/me')).rejects.toSatisfy(isUnauthorizedError);
    expect(tokens.refreshCalls).toBe(1);
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('R-REFRESH-FAIL: a refresh that fails for network reasons keeps the session and fails fast for a moment', async () => {
    let expired = 0;
    const client = await signedIn({ onSessionExpired: () => expired++ });
    tokens.refreshMode = 'unavailable';
    tokens.expireAll();
    const results = await Promise.allSettled([client.get('/api/me'), client.get('/api/me')]);
    expect(results.every((r) => r.status === 'rejected' && isNetworkError(r.reason))).toBe(true);
    expect(client.auth.getAccessToken()).toBeDefined();
    expect(expired).toBe(0);
    await expect(client.get('/api/me')).rejects.toSatisfy(isNetworkError);
    expect(tokens.refreshCalls).toBe(1); // the second attempt inside the backoff did not call the provider
  });

  it('R-REFRESH-FAIL: after the session expired, client.auth.refresh() can start a new one', async () => {
    const client = await signedIn();
    tokens.refreshMode = 'reject';
    tokens.expireAll();
    await expect(client.get('/api/me')).rejects.toSatisfy(isSessionExpiredError);
    await client.auth.setSession(tokens.login());
    await expect(client.get('/api/me')).resolves.toEqual({ ok: true });
  });
});

describe('R-ABORT while waiting for a refresh', () => {
  it('R-ABORT: aborting a request that waits for the refresh rejects at once with the abort reason', async () => {
    const client = await signedIn();
    tokens.refreshDelay = 300;
    tokens.expireAll();
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const waiting = client.get('/api/me', { signal: controller.signal });
    const other = client.get('/api/me');
    await vi.waitFor(() => expect(tokens.refreshCalls).toBe(1)); // both wait for the refresh
    const started = performance.now();
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(100);
    await expect(other).resolves.toEqual({ ok: true }); // the refresh itself went on for the others
    expect(tokens.refreshCalls).toBe(1);
  });
});

describe('proactive refresh', () => {
  it('R-401-REFRESH: with refreshBefore, the token is refreshed ahead of expiresAt without a 401', async () => {
    const client = await signedIn({ refreshBefore: 150 });
    await client.auth.setSession({ ...tokens.login(), expiresAt: Date.now() + 200 });
    const before = client.auth.getAccessToken();
    await vi.waitFor(() => expect(tokens.refreshCalls).toBe(1));
    await vi.waitFor(() => expect(client.auth.getAccessToken()).not.toBe(before));
    await client.get('/api/me');
    expect(server.requests.filter((r) => r.path === '/api/me').length).toBe(1);
  });

  it('R-401-REFRESH: a token past expiresAt is refreshed before the request is sent', async () => {
    const client = await signedIn();
    await client.auth.setSession({ ...tokens.login(), expiresAt: Date.now() - 1 });
    tokens.expireAll();
    await expect(client.get('/api/me')).resolves.toEqual({ ok: true });
    expect(server.count('GET', '/api/me')).toBe(1);
    expect(tokens.refreshCalls).toBe(1);
  });
});
