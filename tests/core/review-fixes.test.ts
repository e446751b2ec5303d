import { describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../src/auth/index.js';
import { createClient, isTimeoutError, isUnauthorizedError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// Findings of the 0.2 review, each pinned by the rule it broke.
const server = useTestServer();

describe('review fixes', () => {
  it('R-WRITE-NO-ETAG: a DELETE answered 404 (already gone) forgets the ETag, so re-creating the resource sends no stale If-Match', async () => {
    server.route('GET', '/doc', { headers: { etag: '"v1"' }, body: { v: 1 } });
    server.route('DELETE', '/doc', { status: 404 });
    server.route('PUT', '/doc', { status: 201, body: { v: 2 } });
    const api = createClient({ baseUrl: server.url });
    await api.get('/doc');
    await expect(api.request('DELETE', '/doc')).resolves.toMatchObject({ alreadyGone: true });
    await api.put('/doc', { json: { v: 2 } });
    expect(server.requests.at(-1)!.headers['if-match']).toBeUndefined();
  });

  it('R-401-REFRESH: a 401 on a stream body refreshes the session but never re-sends the consumed stream (UnauthorizedError)', async () => {
    server.route('PUT', '/upload', { status: 401 });
    let refreshes = 0;
    const api = createClient({
      baseUrl: server.url,
      auth: createAuth({ channel: `stream-${Math.random()}`, refresh: async () => ({ accessToken: `t${++refreshes}` }) }),
    });
    await api.auth.setSession({ accessToken: 't0' });
    const body = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('chunk')), c.close()) });
    const error = await api.put('/upload', { body, headers: { 'content-type': 'application/octet-stream' } }).catch((e: unknown) => e);
    expect(isUnauthorizedError(error)).toBe(true);
    expect(server.count('PUT', '/upload')).toBe(1);
    expect(refreshes).toBe(1);
    await api.auth.dispose();
  });

  it("R-FOLLOW-ONCE: the followed GET carries the caller's own headers, not the write's", async () => {
    server.route('POST', '/items', { status: 201, headers: { location: '/items/7' } });
    server.route('GET', '/items/7', { body: { id: 7 } });
    const api = createClient({ baseUrl: server.url });
    await api.post('/items', { json: {}, followLocation: true, headers: { 'x-tenant': 't1', 'idempotency-key': 'k1' } });
    const follow = server.requests.find((r) => r.method === 'GET')!;
    expect(follow.headers['x-tenant']).toBe('t1');
    expect(follow.headers['idempotency-key']).toBeUndefined();
    expect(follow.headers['content-type']).toBeUndefined();
  });

  it('R-IDEMPOTENT: idempotencyKey: true works without crypto.randomUUID (an http:// page on a LAN address)', async () => {
    server.route('POST', '/pay', { body: {} });
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes) });
    try {
      await createClient({ baseUrl: server.url }).post('/pay', { json: {}, idempotencyKey: true });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(server.requests[0]!.headers['idempotency-key']).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
  });

  it('R-TIMEOUT: fake timers that leave the clock alone still fire the shared deadline', async () => {
    server.route('GET', '/slow', { delay: 3_000, body: {} });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = createClient({ baseUrl: server.url, timeout: 100, retry: false }).get('/slow').catch((e: unknown) => e);
      await vi.waitFor(() => expect(server.count()).toBe(1));
      await vi.advanceTimersByTimeAsync(150);
      expect(isTimeoutError(await pending)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('R-TIMEOUT: a wall-clock jump backwards does not postpone a timeout', async () => {
    server.route('GET', '/slow', { delay: 3_000, body: {} });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const started = performance.now();
      const pending = createClient({ baseUrl: server.url, timeout: 150, retry: false }).get('/slow').catch((e: unknown) => e);
      vi.setSystemTime(Date.now() - 3_600_000);
      expect(isTimeoutError(await pending)).toBe(true);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('review fixes: mutations', () => {
  it('R-QUERY-OPTIONS: a mutationFn called without TanStack 5.8x’s context (older 5.x) still resolves with the data', async () => {
    server.route('POST', '/items', { status: 201, body: { id: 1 } });
    const options = createClient({ baseUrl: server.url }).mutationOptions('POST', '/items');
    await expect(options.mutationFn({ name: 'a' })).resolves.toEqual({ id: 1 });
    expect(server.count('POST', '/items')).toBe(1);
  });
});
