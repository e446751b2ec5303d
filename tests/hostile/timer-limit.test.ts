import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createAuth } from '../../src/auth/index.js';
import { poll, pollQueryOptions } from '../../src/poll/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const tooLong = 2 ** 31; // 2³¹ ms: one past the longest timer
const month = 30 * 24 * 3600 * 1000;

describe('R-TIMER-LIMIT', () => {
  for (const key of ['maxRetryAfter', 'delay', 'backoffLimit'] as const) {
    it(`R-TIMER-LIMIT: retry.${key} past 2³¹−1 ms is a RangeError at createClient, and per request`, async () => {
      expect(() => createClient({ baseUrl: server.url, retry: { [key]: tooLong } })).toThrow(RangeError);
      expect(() => createClient({ baseUrl: server.url, retry: { [key]: month } })).toThrow(new RegExp(`retry\\.${key}`));
      expect(() => createClient({ baseUrl: server.url, retry: { [key]: 2 ** 31 - 1 } })).not.toThrow();
      server.route('GET', '/x', { body: {} });
      await expect(createClient({ baseUrl: server.url }).get('/x', { retry: { [key]: tooLong } })).rejects.toThrow(RangeError);
      expect(server.count()).toBe(0);
    });
  }

  it('R-TIMER-LIMIT: timeout past 2³¹−1 ms is a RangeError at createClient and per request (no request sent)', async () => {
    expect(() => createClient({ baseUrl: server.url, timeout: tooLong })).toThrow(RangeError);
    server.route('GET', '/x', { delay: 50, body: {} });
    await expect(createClient({ baseUrl: server.url }).get('/x', { timeout: tooLong })).rejects.toThrow(/timeout must be a number of ms/);
    expect(server.count()).toBe(0);
  });

  it('R-TIMER-LIMIT: poll interval and maxWait past 2³¹−1 ms are RangeErrors (poll and pollQueryOptions)', async () => {
    const api = createClient({ baseUrl: server.url });
    await expect(poll(api, '/job', { interval: tooLong })).rejects.toThrow(RangeError);
    await expect(poll(api, '/job', { maxWait: tooLong })).rejects.toThrow(RangeError);
    expect(() => pollQueryOptions(api, '/job', { interval: tooLong })).toThrow(RangeError);
    expect(server.count()).toBe(0);
  });

  it('R-TIMER-LIMIT: auth.lockTimeout and auth.refreshBefore past 2³¹−1 ms are RangeErrors at createAuth', () => {
    const refresh = async () => ({ accessToken: 't' });
    expect(() => createAuth({ refresh, lockTimeout: tooLong })).toThrow(RangeError);
    expect(() => createAuth({ refresh, refreshBefore: tooLong })).toThrow(RangeError);
  });

  it('R-TIMER-LIMIT: Retry-After: 2200000 with the longest maxRetryAfter fails at once (1 request, not a burst)', async () => {
    server.route('GET', '/slow', { status: 503, headers: { 'retry-after': '2200000' } });
    const api = createClient({ baseUrl: server.url, retry: { maxRetryAfter: 2 ** 31 - 1 } });
    await expect(api.get('/slow')).rejects.toMatchObject({ status: 503 });
    expect(server.count()).toBe(1);
  });
});
