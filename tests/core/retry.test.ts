import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  NetworkError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  type RetryEvent,
} from '../../src/index.js';
import { backoffDelay, defaultRetryPolicy, retryDelay } from '../../src/retry/policy.js';
import { parseRetryAfter } from '../../src/retry/retry-after.js';
import { startServer, useTestServer } from '../helpers/server.js';

const server = useTestServer();

// Backoff waits of 1 ms keep the suite quick; Retry-After waits are real and kept to one second.
const fast = { delay: 1, jitter: false } as const;
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

describe('R-5XX: 500, 502, 504', () => {
  for (const status of [500, 502, 504]) {
    it(`R-5XX: a ${status} is retried 3 times, then ServerError (4 requests)`, async () => {
      server.route('GET', '/flaky', { status });
      const error = await fail(createClient({ baseUrl: server.url, retry: fast }).get('/flaky'));
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).retryable).toBe(true);
      expect(server.count('GET', '/flaky')).toBe(4);
    });
  }

  it('R-5XX: a retry that succeeds resolves with its data', async () => {
    server.route('GET', '/flaky', [{ status: 500 }, { status: 502 }, { body: { ok: true } }]);
    const events: RetryEvent[] = [];
    const api = createClient({ baseUrl: server.url, retry: fast, onRetry: (event) => events.push(event) });
    await expect(api.get('/flaky')).resolves.toEqual({ ok: true });
    expect(server.count()).toBe(3);
    expect(events.map((e) => [e.attempt, e.error.name])).toEqual([[1, 'ServerError'], [2, 'ServerError']]);
  });

  it('R-5XX: exponential backoff with full jitter stays within delay * 2^(n-1), capped by backoffLimit', () => {
    const policy = { ...defaultRetryPolicy, delay: 100, backoffLimit: 1_000 };
    for (let i = 0; i < 200; i++) {
      expect(backoffDelay(1, policy)).toBeLessThanOrEqual(100);
      expect(backoffDelay(3, policy)).toBeLessThanOrEqual(400);
      expect(backoffDelay(10, policy)).toBeLessThanOrEqual(1_000);
      expect(backoffDelay(3, policy)).toBeGreaterThanOrEqual(0);
    }
    const samples = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(new Set(samples).size).toBeGreaterThan(100);
    expect(backoffDelay(3, { ...policy, jitter: false })).toBe(400);
  });

  it('R-5XX: the configured limit is respected', async () => {
    server.route('GET', '/flaky', { status: 500 });
    await fail(createClient({ baseUrl: server.url, retry: { ...fast, limit: 1 } }).get('/flaky'));
    expect(server.count()).toBe(2);
  });
});

describe('R-5XX-FINAL and 4xx', () => {
  for (const status of [501, 505, 507, 400, 403, 404, 409, 412, 413, 422]) {
    it(`R-5XX-FINAL: a ${status} is never retried`, async () => {
      server.route('GET', '/final', { status });
      const error = await fail(createClient({ baseUrl: server.url, retry: fast }).get('/final'));
      expect((error as { retryable: boolean }).retryable).toBe(false);
      expect(server.count()).toBe(1);
    });
  }

  it('R-408: a 408 is retried like a network error for idempotent requests', async () => {
    server.route('GET', '/slow', [{ status: 408 }, { body: 'ok', headers: { 'content-type': 'text/plain' } }]);
    await expect(createClient({ baseUrl: server.url, retry: fast }).get('/slow')).resolves.toBe('ok');
    expect(server.count()).toBe(2);
  });
});

describe('R-503 and R-429: Retry-After', () => {
  it('R-503: retried no sooner than Retry-After seconds', async () => {
    server.route('GET', '/busy', [{ status: 503, headers: { 'retry-after': '1' } }, { body: { ok: true } }]);
    const events: RetryEvent[] = [];
    await createClient({ baseUrl: server.url, retry: fast, onRetry: (e) => events.push(e) }).get('/busy');
    expect(events[0]?.delay).toBe(1_000);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(995);
  });

  it('R-503: without Retry-After it backs off and ends with ServiceUnavailableError', async () => {
    server.route('GET', '/busy', { status: 503 });
    const error = await fail(createClient({ baseUrl: server.url, retry: fast }).get('/busy'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(server.count()).toBe(4);
  });

  it('R-429: waits Retry-After seconds before retrying', async () => {
    server.route('GET', '/limited', [{ status: 429, headers: { 'retry-after': '1' } }, { body: { ok: true } }]);
    await expect(createClient({ baseUrl: server.url, retry: fast }).get('/limited')).resolves.toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(995);
  });

  it('R-429: Retry-After as an HTTP-date is honoured', async () => {
    const at = new Date(Date.now() + 2_000);
    at.setUTCMilliseconds(0); // HTTP-dates have whole seconds
    server.route('GET', '/limited', [{ status: 429, headers: { 'retry-after': at.toUTCString() } }, { body: { ok: true } }]);
    const events: RetryEvent[] = [];
    await createClient({ baseUrl: server.url, retry: fast, onRetry: (e) => events.push(e) }).get('/limited');
    expect(events[0]!.delay).toBeGreaterThan(0);
    expect(events[0]!.delay).toBeLessThanOrEqual(2_000);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  });

  it('R-429: a Retry-After beyond maxRetryAfter fails at once with the wait exposed', async () => {
    server.route('GET', '/limited', { status: 429, headers: { 'retry-after': '3600' } });
    const started = performance.now();
    const error = (await fail(createClient({ baseUrl: server.url, retry: { ...fast, maxRetryAfter: 60_000 } }).get('/limited'))) as RateLimitError;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3_600_000);
    expect(server.count()).toBe(1);
  });

  it('R-429: parses Retry-After seconds and dates, rejects garbage', () => {
    const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('R-IDEMPOTENT', () => {
  for (const method of ['POST', 'PATCH'] as const) {
    it(`R-IDEMPOTENT: a ${method} answered 503 is not retried`, async () => {
      server.route(method, '/orders', { status: 503 });
      const error = await fail(createClient({ baseUrl: server.url, retry: fast }).request(method, '/orders', { json: {} }));
      expect((error as ServiceUnavailableError).retryable).toBe(false);
      expect(server.count()).toBe(1);
    });
  }

  for (const method of ['PUT', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
    it(`R-IDEMPOTENT: a ${method} answered 503 is retried`, async () => {
      server.route(method, '/orders/1', { status: 503 });
      await fail(createClient({ baseUrl: server.url, retry: fast }).request(method, '/orders/1'));
      expect(server.count()).toBe(4);
    });
  }

  it('R-IDEMPOTENT: a POST with idempotencyKey is retried, with the same key on every attempt', async () => {
    server.route('POST', '/orders', [{ status: 500 }, { status: 503 }, { status: 201, headers: { location: '/orders/1' } }]);
    const result = await createClient({ baseUrl: server.url, retry: fast }).request('POST', '/orders', { json: { item: 1 }, idempotencyKey: true });
    expect(result.created).toBe(true);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requests.every((r) => r.body === '{"item":1}')).toBe(true);
  });

  it('R-IDEMPOTENT: a POST carrying an Idempotency-Key header of its own is retried', async () => {
    server.route('POST', '/orders', [{ status: 502 }, { body: { id: 1 } }]);
    await createClient({ baseUrl: server.url, retry: fast }).post('/orders', { headers: { 'Idempotency-Key': 'abc' } });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['abc', 'abc']);
  });
});

describe('R-NET and R-TIMEOUT', () => {
  it('R-NET: a dropped connection is a NetworkError, retried for GET', async () => {
    server.route('GET', '/drop', { destroy: true });
    const error = await fail(createClient({ baseUrl: server.url, retry: fast }).get('/drop'));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.count()).toBe(4);
  });

  it('R-NET: a refused connection is a NetworkError', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const error = await fail(createClient({ baseUrl: url, retry: false }).get('/x'));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('R-NET: not retried for POST', async () => {
    server.route('POST', '/drop', { destroy: true });
    await fail(createClient({ baseUrl: server.url, retry: fast }).post('/drop'));
    expect(server.count()).toBe(1);
  });

  it('R-TIMEOUT: an attempt slower than timeout is a TimeoutError, retried like R-NET', async () => {
    server.route('GET', '/slow', [{ delay: 300, body: 'late' }, { delay: 300, body: 'late' }, { body: { ok: true } }]);
    const events: RetryEvent[] = [];
    const api = createClient({ baseUrl: server.url, timeout: 100, retry: fast, onRetry: (e) => events.push(e) });
    await expect(api.get('/slow')).resolves.toEqual({ ok: true });
    expect(events.map((e) => e.error.name)).toEqual(['TimeoutError', 'TimeoutError']);
    expect(server.count()).toBe(3);
  });

  it('R-TIMEOUT: when every attempt times out the error is a TimeoutError naming the timeout', async () => {
    server.route('GET', '/slow', { delay: 200 });
    const error = await fail(createClient({ baseUrl: server.url, timeout: 50, retry: { ...fast, limit: 1 } }).get('/slow'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(50);
  });
});

describe('R-ABORT', () => {
  it('R-ABORT: aborting mid-request rejects with the abort reason at once; no retry', async () => {
    server.route('GET', '/slow', { delay: 2_000, status: 503 });
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const promise = createClient({ baseUrl: server.url, retry: fast }).get('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(promise).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.count()).toBe(1);
  });

  it('R-ABORT: aborting during a Retry-After wait rejects at once and sends nothing more', async () => {
    server.route('GET', '/busy', { status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const api = createClient({ baseUrl: server.url, retry: fast, onRetry: () => setTimeout(() => controller.abort(), 20) });
    const started = performance.now();
    const error = await fail(api.get('/busy', { signal: controller.signal }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.count()).toBe(1);
  });

  it('R-ABORT: an already-aborted signal sends nothing', async () => {
    server.route('GET', '/x', { body: {} });
    const error = await fail(createClient({ baseUrl: server.url }).get('/x', { signal: AbortSignal.abort('gone') }));
    expect(error).toBe('gone');
    expect(server.count()).toBe(0);
  });
});

describe('the retry decision', () => {
  it('retryDelay never retries a non-fetchwise error', () => {
    expect(retryDelay(new TypeError('bug'), 0, defaultRetryPolicy)).toBeUndefined();
  });
});
