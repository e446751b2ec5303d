import { describe, expect, it } from 'vitest';
import { isNetworkError, isSessionExpiredError, isTimeoutError, isUnauthorizedError } from '../../src/index.js';
import type { AuthOptions, Session } from '../../src/auth/index.js';
import type { TestServer } from '../helpers/server.js';
import { authClient, bodyRefresh, channelName, fail, useAuthTestServer, type AuthClient, type TokenApi } from './fixtures.js';

let server: TestServer;
let tokens: TokenApi;
const clients = useAuthTestServer((s, t) => {
  server = s;
  tokens = t;
});

function tab(auth: Partial<AuthOptions>): AuthClient {
  const client = authClient(server, auth);
  clients.push(client);
  return client;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('R-REFRESH-BOUND', () => {
  it('R-REFRESH-BOUND: a refresh that never settles (and ignores its signal) is abandoned after lockTimeout; waiting requests reject with a TimeoutError, in both tabs', async () => {
    let calls = 0;
    let hang = true;
    const real = bodyRefresh(server);
    const refresh: AuthOptions['refresh'] = (context) => {
      calls++;
      return hang ? new Promise<Session>(() => undefined) : real(context);
    };
    const channel = channelName();
    const first = tab({ refresh, channel, lockTimeout: 300 });
    const second = tab({ refresh, channel, lockTimeout: 300 });
    second.auth.subscribe(() => undefined); // an open tab (in Node, listeners come with first use)
    await first.auth.setSession(tokens.login());
    await sleep(50); // the other tab has the session
    expect(second.auth.getAccessToken()).toBe(first.auth.getAccessToken());
    tokens.expireAll();
    const started = performance.now();
    const errors = await Promise.all([first.get('/api/me'), first.get('/api/me'), second.get('/api/me'), first.get('/api/me')].map(fail));
    const elapsed = performance.now() - started;
    // This tab's waiters get the TimeoutError; the other tab, finding the failure just recorded, fails
    // fast with a NetworkError rather than hanging another lockTimeout (the failure back-off).
    expect(errors.slice(0, 2).every(isTimeoutError) && isTimeoutError(errors[3])).toBe(true);
    expect(isTimeoutError(errors[2]) || isNetworkError(errors[2]), String(errors[2])).toBe(true);
    expect((errors.find(isTimeoutError) as { timeout: number }).timeout).toBe(300);
    expect(elapsed).toBeLessThan(3_000);
    expect(calls).toBe(1);
    // The lock was released and the session kept: once refresh works again, the next 401 refreshes.
    hang = false;
    await sleep(2_100); // past the failure back-off that stops a refresh storm
    await expect(first.get('/api/me')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    await expect(second.get('/api/me')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('R-REFRESH-BOUND: client.auth.refresh() with a hung refresh rejects typed after lockTimeout, and dispose() is not blocked', async () => {
    const client = tab({ refresh: () => new Promise<Session>(() => undefined), lockTimeout: 200 });
    await client.auth.setSession(tokens.login());
    const error = await fail(client.auth.refresh());
    expect(isTimeoutError(error)).toBe(true);
    const disposed = client.auth.dispose();
    await expect(Promise.race([disposed.then(() => 'done'), sleep(1_000).then(() => 'stuck')])).resolves.toBe('done');
  });
});

describe('R-REFRESH-SHAPE', () => {
  const wrongShapes: Array<[string, unknown]> = [
    ['null', null],
    ['{access_token}', { access_token: 'at-secret-value-123', token_type: 'Bearer' }],
    ['{accessToken: ""}', { accessToken: '' }],
    ['a string', 'at-secret-value-123'],
  ];
  for (const [label, value] of wrongShapes) {
    it(`R-REFRESH-SHAPE: refresh resolving ${label}: one SessionExpiredError naming the expected shape per waiting request, one refresh call`, async () => {
      let calls = 0;
      const channel = channelName();
      const refresh = async () => {
        calls++;
        return value as Session;
      };
      const client = tab({ refresh, channel });
      const other = tab({ refresh, channel });
      other.auth.subscribe(() => undefined);
      await client.auth.setSession(tokens.login());
      await sleep(50);
      tokens.expireAll();
      const errors = await Promise.all(Array.from({ length: 5 }, () => fail(client.get('/api/me'))));
      for (const error of errors) {
        expect(isSessionExpiredError(error), String(error)).toBe(true);
        const cause = (error as Error).cause as Error;
        expect(cause).toBeInstanceOf(TypeError);
        expect(cause.message).toMatch(/accessToken: string/);
        expect(cause.message).not.toContain('at-secret-value-123');
        expect(JSON.stringify(error)).not.toContain('at-secret-value-123');
      }
      // The session ended everywhere: later requests go out without a token and never refresh again.
      expect(client.auth.getAccessToken()).toBeUndefined();
      await sleep(50);
      expect(other.auth.getAccessToken()).toBeUndefined();
      expect(isUnauthorizedError(await fail(client.get('/api/me')))).toBe(true);
      expect(isUnauthorizedError(await fail(other.get('/api/me')))).toBe(true);
      expect(calls).toBe(1);
    });
  }

  it('R-REFRESH-SHAPE: the error names what came instead by its keys ({access_token})', async () => {
    const client = tab({ refresh: async () => ({ access_token: 'x' }) as unknown as Session });
    await client.auth.setSession(tokens.login());
    const error = await fail(client.auth.refresh());
    expect(isSessionExpiredError(error)).toBe(true);
    expect(((error as Error).cause as Error).message).toMatch(/got an object with keys access_token$/);
  });
});
