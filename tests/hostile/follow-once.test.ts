import { describe, expect, it } from 'vitest';
import { createClient, isServiceUnavailableError, isUnauthorizedError } from '../../src/index.js';
import { createAuth } from '../../src/auth/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const fast = { delay: 1, jitter: false } as const;
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

describe('R-FOLLOW-ONCE', () => {
  it('R-FOLLOW-ONCE: a followed GET answering 503 is retried by its own rules; the POST is sent once (1 POST, 1 + 3 GETs)', async () => {
    server.route('POST', '/items', { status: 201, headers: { location: '/items/7' } });
    server.route('GET', '/items/7', { status: 503, body: { title: 'busy' } });
    const api = createClient({ baseUrl: server.url, retry: fast });
    const error = await fail(api.post('/items', { json: { name: 'x' }, followLocation: true, idempotencyKey: true }));
    expect(isServiceUnavailableError(error)).toBe(true);
    expect(server.count('POST', '/items')).toBe(1);
    expect(server.count('GET', '/items/7')).toBe(4);
  });

  it('R-FOLLOW-ONCE: a PUT answered 201 + Location whose follow-up fails with 500 is sent once', async () => {
    server.route('PUT', '/items/8', { status: 201, headers: { location: '/items/8' } });
    server.route('GET', '/items/8', { status: 500 });
    const api = createClient({ baseUrl: server.url, retry: fast });
    await fail(api.put('/items/8', { json: { name: 'x' }, followLocation: true }));
    expect(server.count('PUT', '/items/8')).toBe(1);
    expect(server.count('GET', '/items/8')).toBe(4);
  });

  it('R-FOLLOW-ONCE: a 401 on the followed GET (with auth) refreshes and replays the GET, never the POST', async () => {
    let token = 'a';
    server.route('POST', '/items', { status: 201, headers: { location: '/items/9' } });
    server.route('GET', '/items/9', (request) => (request.headers.authorization === `Bearer ${token}` ? { body: { id: 9 } } : { status: 401 }));
    let refreshes = 0;
    const api = createClient({
      baseUrl: server.url,
      retry: fast,
      auth: createAuth({
        channel: `follow-${Math.random()}`,
        refresh: async () => {
          refreshes++;
          return { accessToken: 'b' };
        },
      }),
    });
    await api.auth.setSession({ accessToken: 'a' });
    token = 'b'; // the POST went with `a`... it is accepted; the GET then needs `b`
    server.route('POST', '/items', { status: 201, headers: { location: '/items/9' } });
    await expect(api.post('/items', { json: {}, followLocation: true })).resolves.toEqual({ id: 9 });
    expect(server.count('POST', '/items')).toBe(1);
    expect(server.count('GET', '/items/9')).toBe(2);
    expect(refreshes).toBe(1);
    await api.auth.dispose();
  });

  it('R-FOLLOW-ONCE: a followed GET that stays 401 is an UnauthorizedError after 1 POST', async () => {
    server.route('POST', '/items', { status: 201, headers: { location: '/items/10' } });
    server.route('GET', '/items/10', { status: 401 });
    const api = createClient({
      baseUrl: server.url,
      retry: fast,
      auth: createAuth({ channel: `follow-${Math.random()}`, refresh: async () => ({ accessToken: `t${Math.random()}` }) }),
    });
    await api.auth.setSession({ accessToken: 'first' });
    const error = await fail(api.post('/items', { json: {}, followLocation: true }));
    expect(isUnauthorizedError(error)).toBe(true);
    expect(server.count('POST', '/items')).toBe(1);
    expect(server.count('GET', '/items/10')).toBe(2);
    await api.auth.dispose();
  });

  it('R-FOLLOW-ONCE: a 201 body that does not match the schema is not validated; the followed resource is', async () => {
    server.route('POST', '/items', { status: 201, headers: { location: '/items/11' }, body: { id: 11 } });
    server.route('GET', '/items/11', { body: { id: 11, name: 'eleven' } });
    const schema = {
      '~standard': {
        version: 1 as const,
        vendor: 'test',
        validate: (value: unknown) =>
          typeof (value as { name?: unknown }).name === 'string' ? { value: value as { id: number; name: string } } : { issues: [{ message: 'name missing' }] },
      },
    };
    const api = createClient({ baseUrl: server.url, retry: fast });
    await expect(api.post('/items', { json: {}, followLocation: true, schema })).resolves.toEqual({ id: 11, name: 'eleven' });
    const result = await api.request('POST', '/items', { json: {}, followLocation: true, schema });
    expect(result).toMatchObject({ status: 201, created: true, location: `${server.url}/items/11` });
  });
});
