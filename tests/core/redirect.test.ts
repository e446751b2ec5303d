import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, HttpError, isRedirectError, RedirectError, type RetryEvent } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

const client = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false }, ...options });

describe('R-3XX-NOLOC: a 3xx without Location', () => {
  it('R-3XX-NOLOC: a GET answered 302 without Location is repeated once, then fails with a RedirectError', async () => {
    server.route('GET', '/moved', { status: 302, body: { title: 'Found' } });
    const error = await client().get('/moved').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(HttpError);
    expect(isRedirectError(error)).toBe(true);
    expect((error as RedirectError).status).toBe(302);
    expect((error as RedirectError).name).toBe('RedirectError');
    expect(server.count('GET', '/moved')).toBe(2);
  });

  it('R-3XX-NOLOC: the repeat is immediate and reported through onRetry, and a good second answer resolves', async () => {
    server.route('GET', '/flaky', [{ status: 307 }, { body: { ok: true } }]);
    const retries: RetryEvent[] = [];
    await expect(client({ onRetry: (event) => retries.push(event) }).get('/flaky')).resolves.toEqual({ ok: true });
    expect(server.count('GET', '/flaky')).toBe(2);
    expect(retries.map((event) => [event.attempt, event.delay])).toEqual([[1, 0]]);
  });

  it('R-3XX-NOLOC: the repeat happens once only, whatever the retry limit', async () => {
    server.route('GET', '/loop', { status: 300 });
    await expect(client({ retry: { limit: 10, delay: 1 } }).get('/loop')).rejects.toBeInstanceOf(RedirectError);
    expect(server.count('GET', '/loop')).toBe(2);
  });

  it('R-3XX-NOLOC: it still counts as a repeat: retry false turns it off', async () => {
    server.route('GET', '/moved', { status: 308 });
    await expect(client().get('/moved', { retry: false })).rejects.toBeInstanceOf(RedirectError);
    expect(server.count('GET', '/moved')).toBe(1);
  });

  it('R-3XX-NOLOC + R-IDEMPOTENT: a POST is not repeated unless it carries an Idempotency-Key', async () => {
    server.route('POST', '/orders', { status: 303 });
    const error = await client().post('/orders', { json: { item: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).retryable).toBe(false);
    expect(server.count('POST', '/orders')).toBe(1);

    server.reset();
    server.route('POST', '/orders', { status: 303 });
    await expect(client().post('/orders', { json: { item: 1 }, idempotencyKey: 'k-1' })).rejects.toBeInstanceOf(RedirectError);
    expect(server.count('POST', '/orders')).toBe(2);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
  });

  it('R-3XX: a 3xx with Location is followed by fetch and never reaches the client as an error', async () => {
    server.route('GET', '/old', { status: 301, headers: { location: '/new' } });
    server.route('GET', '/new', { body: { here: true } });
    await expect(client().get('/old')).resolves.toEqual({ here: true });
    expect(server.requests.map((request) => request.path)).toEqual(['/old', '/new']);
  });

  it('R-3XX-NOLOC: a 304 is never treated as a redirect', async () => {
    server.route('GET', '/same', { status: 304 });
    const result = await client().request('GET', '/same');
    expect(result.status).toBe(304);
    expect(server.count()).toBe(1);
  });
});
