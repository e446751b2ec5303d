import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../src/auth/index.js';
import { createClient } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { authClient, channelName } from './fixtures.js';

let api: TestServer;
let other: TestServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startServer(), startServer()]);
});
beforeEach(() => {
  api.reset();
  other.reset();
  for (const server of [api, other]) server.route('GET', '/echo', { body: { ok: true } });
});
afterAll(() => Promise.all([api.close(), other.close()]));

const refresh = () => Promise.reject(new Error('not used'));
const authorization = (server: TestServer) => server.requests.map((request) => request.headers.authorization);

describe('R-AUTH-ORIGIN: the token goes to the configured origins only', () => {
  it('R-AUTH-ORIGIN: attaches the token to the baseUrl origin, relative paths included', async () => {
    const client = authClient(api);
    await client.auth.setSession({ accessToken: 'secret-at' });
    await client.get('/echo');
    await client.get(`${api.url}/echo`);
    expect(authorization(api)).toEqual(['Bearer secret-at', 'Bearer secret-at']);
    await client.auth.dispose();
  });

  it('R-AUTH-ORIGIN: an absolute URL to another origin gets no Authorization', async () => {
    const client = authClient(api);
    await client.auth.setSession({ accessToken: 'secret-at' });
    await client.get(`${other.url}/echo`);
    // Same host, other port; and the same port under another host name: both are other origins.
    await client.get(`${other.url.replace('127.0.0.1', 'localhost')}/echo`).catch(() => undefined);
    expect(authorization(other).every((value) => value === undefined)).toBe(true);
    expect(other.requests.length).toBeGreaterThanOrEqual(1);
    await client.auth.dispose();
  });

  it('R-AUTH-ORIGIN: the origins option lists every origin that may get the token, and only those', async () => {
    const client = createClient({ baseUrl: api.url, auth: createAuth({ refresh, channel: channelName(), origins: [other.url] }) });
    await client.auth.setSession({ accessToken: 'secret-at' });
    await client.get('/echo');
    await client.get(`${other.url}/echo`);
    expect(authorization(api)).toEqual([undefined]);
    expect(authorization(other)).toEqual(['Bearer secret-at']);
    await client.auth.dispose();
  });

  it('R-AUTH-ORIGIN: a userinfo trick (https://api@evil) is judged by its real origin', async () => {
    const client = authClient(api);
    await client.auth.setSession({ accessToken: 'secret-at' });
    const host = new URL(api.url).host;
    await client.get(`http://${host}@${new URL(other.url).host}/echo`).catch(() => undefined);
    expect(authorization(other).every((value) => value === undefined)).toBe(true);
    await client.auth.dispose();
  });

  it('R-AUTH-ORIGIN: a caller-set Authorization header is kept as it is', async () => {
    const client = authClient(api);
    await client.auth.setSession({ accessToken: 'secret-at' });
    await client.get('/echo', { headers: { authorization: 'Basic abc' } });
    expect(authorization(api)).toEqual(['Basic abc']);
    await client.auth.dispose();
  });

  it('R-AUTH-ORIGIN: without a session nothing is attached', async () => {
    const client = authClient(api);
    await client.get('/echo');
    expect(authorization(api)).toEqual([undefined]);
    await client.auth.dispose();
  });
});

describe('auth options are checked at createAuth', () => {
  it('requires a refresh function', () => {
    expect(() => createAuth({} as never)).toThrow(/auth.refresh is required/);
    expect(() => createAuth({ refresh: 'x' } as never)).toThrow(/auth.refresh is required/);
  });
  it('rejects origins that are not origins', () => {
    const make = (origins: unknown) => () => createAuth({ refresh, origins } as never);
    expect(make([])).toThrow(/non-empty array/);
    expect(make('https://api.example.com')).toThrow(/non-empty array/);
    expect(make(['not a url'])).toThrow(/is not an origin/);
    expect(make(['ftp://files.example.com'])).toThrow(/must use http or https/);
    expect(make(['https://api.example.com/v1'])).toThrow(/must be an origin only .* "https:\/\/api.example.com"/);
    expect(make([42])).toThrow(/must be strings/);
    expect(make(['https://api.example.com/', 'http://127.0.0.1:8080'])).not.toThrow();
  });
  it('needs a baseUrl or origins outside a browser (checked at createClient, which knows the baseUrl)', () => {
    const auth = createAuth({ refresh });
    expect(() => createClient({ auth })).toThrow(/set baseUrl or auth.origins/);
    expect(() => createClient({ auth: createAuth({ refresh, origins: ['https://api.example.com'] }) })).not.toThrow();
  });
  it('rejects a bad storage', () => {
    expect(() => createAuth({ refresh, storage: 'disk' } as never)).toThrow(/auth.storage must be 'memory', 'session', 'local' or an object/);
    expect(() => createAuth({ refresh, storage: { get() {} } } as never)).toThrow(/auth.storage/);
  });
  it('rejects unknown auth options, bad timeouts and channels', () => {
    expect(() => createAuth({ refresh, origin: [] } as never)).toThrow(/unknown auth option "origin"/);
    expect(() => createAuth({ refresh, lockTimeout: 0 })).toThrow(/lockTimeout/);
    expect(() => createAuth({ refresh, refreshBefore: -1 })).toThrow(/refreshBefore/);
    expect(() => createAuth({ refresh, channel: '' })).toThrow(/auth.channel/);
    expect(() => createAuth({ refresh, onSessionExpired: 1 } as never)).toThrow(/onSessionExpired/);
  });
  it('a createAuth result cannot be handed to a client of another API', () => {
    const auth = createAuth({ refresh, channel: channelName() });
    createClient({ baseUrl: api.url, auth });
    expect(() => createClient({ baseUrl: other.url, auth })).toThrow(/createAuth\(…\) result .*belongs to/);
  });
  it('client.auth exists only on a client created with auth', () => {
    const client = createClient({ baseUrl: api.url });
    // @ts-expect-error: a client without `auth` has no `client.auth`
    expect(client.auth).toBeUndefined();
    expect('auth' in client).toBe(false);
    const withAuth = createClient({ baseUrl: api.url, auth: createAuth({ refresh, channel: channelName() }) });
    expect(withAuth.auth.getAccessToken()).toBeUndefined();
  });
});
