import { environmentManager, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isTimeoutError } from '../../src/index.js';
import { poll, pollQueryOptions } from '../../src/poll/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const pending = (retryAfter: string | undefined) => ({
  status: 202,
  headers: { location: '/jobs/1', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) },
  body: { status: 'running' },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cases = [
  ['Retry-After: 0', '0'],
  ['a Retry-After date in the past', new Date(Date.now() - 3_600_000).toUTCString()],
  ['no Retry-After', undefined],
] as const;

// Real time, counted requests: interval 100 ms over a 600 ms maxWait allows at most 7 GETs (0, 100, …, 600).
describe('R-POLL-FLOOR: client.poll', () => {
  for (const [label, header] of cases) {
    it(`R-POLL-FLOOR: with ${label}, polls wait at least interval and maxWait ends the poll`, async () => {
      server.route('GET', '/jobs/1', pending(header));
      const started = performance.now();
      const error = await poll(createClient({ baseUrl: server.url }), '/jobs/1', { interval: 100, maxWait: 600 }).catch((e: unknown) => e);
      const elapsed = performance.now() - started;
      expect(isTimeoutError(error)).toBe(true);
      expect(server.count('GET', '/jobs/1')).toBeGreaterThanOrEqual(3);
      expect(server.count('GET', '/jobs/1')).toBeLessThanOrEqual(7);
      expect(elapsed).toBeLessThan(1_500);
      const arrivals = server.requests.map((request) => request.at);
      for (let i = 1; i < arrivals.length; i++) expect((arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0)).toBeGreaterThanOrEqual(95);
    });
  }

  it('R-POLL-FLOOR: a Retry-After longer than interval is still honoured', async () => {
    server.route('GET', '/jobs/1', [pending('1'), { body: { done: true } }]);
    const result = await poll(createClient({ baseUrl: server.url }), '/jobs/1', { interval: 10 });
    expect(result.data).toEqual({ done: true });
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });
});

describe('R-POLL-FLOOR: pollQueryOptions', () => {
  beforeAll(() => environmentManager.setIsServer(() => false));
  afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

  for (const [label, header] of cases) {
    it(`R-POLL-FLOOR: with ${label}, a poll query refetches no sooner than interval`, async () => {
      server.route('GET', '/jobs/1', pending(header));
      const queryClient = new QueryClient();
      const observer = new QueryObserver(queryClient, pollQueryOptions(createClient({ baseUrl: server.url }), '/jobs/1', { interval: 100 }));
      const unsubscribe = observer.subscribe(() => undefined);
      await sleep(650);
      unsubscribe();
      queryClient.clear();
      expect(server.count('GET', '/jobs/1')).toBeGreaterThanOrEqual(3);
      expect(server.count('GET', '/jobs/1')).toBeLessThanOrEqual(8);
    });
  }
});
