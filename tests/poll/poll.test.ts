import { environmentManager, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createClient, isTimeoutError, NotFoundError, ResponseShapeError, TimeoutError, ValidationError, type FetchResult } from '../../src/index.js';
import { poll, pollQueryOptions } from '../../src/poll/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => queryClient.clear());

const client = () => createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false } });
// Seed 004: "202 Accepted: the server accepted the request and will execute it later"; HAL bodies.
const hal = { 'content-type': 'application/hal+json' };
const accepted = (location: string, retryAfter?: string) => ({
  status: 202,
  headers: { ...hal, location, ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) },
  body: { status: 'running', _links: { self: { href: location } } },
});
const Report = z.object({ id: z.string(), rows: z.number() });
const gap = (from: number, to: number) => (server.requests[to]?.at ?? 0) - (server.requests[from]?.at ?? 0);

describe('R-202: polling a 202 until a terminal status', () => {
  it('R-202: follows Location until 200, waiting Retry-After seconds, then the interval', async () => {
    server.route('POST', '/reports', accepted('/jobs/1', '1'));
    server.route('GET', '/jobs/1', [accepted('/jobs/1'), { headers: hal, body: { id: 'r1', rows: 42 } }]);
    const api = client();
    const start = await api.request('POST', '/reports', { json: { month: '2026-10' } });
    expect(start).toMatchObject({ status: 202, location: `${server.url}/jobs/1`, retryAfter: 1000 });
    const pending: number[] = [];
    const done = await poll(api, start, { interval: 50, schema: Report, onPending: (result) => pending.push(result.status) });
    expect(done.status).toBe(200);
    expect(done.data).toEqual({ id: 'r1', rows: 42 });
    expect(pending).toEqual([202]);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /reports', 'GET /jobs/1', 'GET /jobs/1']);
    expect(gap(0, 1)).toBeGreaterThanOrEqual(990);
    expect(gap(1, 2)).toBeGreaterThanOrEqual(45);
    expect(gap(1, 2)).toBeLessThan(900);
  });

  it('R-202: Retry-After as an HTTP date, and a Location that moves between polls', async () => {
    server.route('GET', '/jobs/2', () => accepted('/jobs/2/step-2', new Date(Date.now() + 2000).toUTCString()));
    server.route('GET', '/jobs/2/step-2', { body: { id: 'r2', rows: 1 } });
    const done = await poll(client(), '/jobs/2', { interval: 10 });
    expect(done.data).toEqual({ id: 'r2', rows: 1 });
    expect(server.requests.map((request) => request.path)).toEqual(['/jobs/2', '/jobs/2/step-2']);
    // An HTTP date has one-second resolution: "now + 2 s" is 1 to 2 s away.
    expect(gap(0, 1)).toBeGreaterThanOrEqual(900);
  });

  it('R-202: a job that ends in a 4xx rejects with the typed error (seed 004 problem details)', async () => {
    server.route('GET', '/jobs/3', [
      accepted('/jobs/3', '0'),
      {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
        body: { title: 'Unprocessable Entity', detail: 'Request failed validation', errors: [{ title: 'invalid_type', detail: '`body.month` is `undefined`, but `string` is expected.' }] },
      },
    ]);
    const error = await poll(client(), '/jobs/3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problem.detail).toBe('Request failed validation');
    expect(server.count()).toBe(2);
  });

  it('R-202: a 404 on the status URL rejects at once, without polling on', async () => {
    server.route('GET', '/jobs/4', { status: 404, body: { title: 'Not Found' } });
    await expect(poll(client(), '/jobs/4')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.count()).toBe(1);
  });

  it('R-202 + R-ABORT: aborting during the wait rejects at once with the abort reason', async () => {
    server.route('GET', '/jobs/5', accepted('/jobs/5', '30'));
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const started = performance.now();
    const polling = poll(client(), '/jobs/5', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 100);
    await expect(polling).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.count()).toBe(1);
  });

  it('R-202 + R-ABORT: aborting during a poll request cancels it and rejects with the reason', async () => {
    server.route('GET', '/jobs/6', [accepted('/jobs/6', '0'), { delay: 2000, body: { id: 'late', rows: 0 } }]);
    const controller = new AbortController();
    const polling = poll(client(), '/jobs/6', { interval: 10, signal: controller.signal });
    await vi.waitFor(() => expect(server.count()).toBe(2));
    controller.abort('stop');
    await expect(polling).rejects.toBe('stop');
    await vi.waitFor(() => expect(server.requests[1]?.aborted).toBe(true));
  });

  it('R-202: rejects with a TimeoutError at once when a Retry-After would pass maxWait', async () => {
    server.route('GET', '/jobs/7', accepted('/jobs/7', '120'));
    const started = performance.now();
    const error = await poll(client(), '/jobs/7', { maxWait: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe(5_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('R-202: maxWait also bounds a request in flight', async () => {
    server.route('GET', '/jobs/8', { delay: 3000, body: {} });
    const started = performance.now();
    await expect(poll(client(), '/jobs/8', { maxWait: 200 })).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('R-202: the schema checks the terminal body only', async () => {
    server.route('GET', '/jobs/9', [accepted('/jobs/9', '0'), { body: { id: 9 } }]);
    await expect(poll(client(), '/jobs/9', { schema: Report })).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('R-202: a result that is not a 202 is already terminal; a 202 without Location cannot be polled', async () => {
    const api = client();
    const done = { status: 200, data: 1 } as FetchResult<unknown>;
    await expect(poll(api, done)).resolves.toBe(done);
    await expect(poll(api, { status: 202, location: undefined } as FetchResult<unknown>)).rejects.toThrow(/Location/);
    await expect(poll(api, '/x', { maxWait: -1 })).rejects.toThrow(RangeError);
  });
});

describe('R-202: as a TanStack Query refetchInterval source', () => {
  // query-core schedules no refetch timers where there is no `window` (Node): act as the browser does.
  beforeAll(() => environmentManager.setIsServer(() => false));
  afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

  it('R-202: a job query refetches after each Retry-After and stops once the job is done', async () => {
    server.route('GET', '/jobs/10', [accepted('/jobs/10', '0'), accepted('/jobs/10'), { body: { id: 'r10', rows: 7 } }]);
    const options = pollQueryOptions(client(), '/jobs/10', { schema: Report, interval: 30 });
    const observer = new QueryObserver(queryClient, options);
    const seen = new Set<unknown>();
    const unsubscribe = observer.subscribe((result) => {
      if (result.data) seen.add(result.data);
    });
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.done).toBe(true), { timeout: 3000 });
    const snapshot = observer.getCurrentResult().data;
    expect(snapshot?.done && snapshot.data).toEqual({ id: 'r10', rows: 7 });
    expect([...seen].map((data) => (data as { status: number } | undefined)?.status)).toEqual([202, 202, 200]);
    // Retry-After: 0 and no Retry-After → the 30 ms interval (R-POLL-FLOOR); done → no more requests.
    expect(gap(1, 2)).toBeGreaterThanOrEqual(25);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.count()).toBe(3);
    unsubscribe();
  });

  it('R-202: refetchInterval is the last Retry-After, the interval without one, false when done or failed', () => {
    const { refetchInterval } = pollQueryOptions(client(), '/jobs/11', { interval: 250 });
    const pending = (retryAfter: number | undefined) => ({ done: false as const, status: 202 as const, data: undefined, retryAfter, location: undefined });
    expect(refetchInterval({ state: { status: 'success', data: pending(3000) } })).toBe(3000);
    expect(refetchInterval({ state: { status: 'success', data: pending(undefined) } })).toBe(250);
    expect(refetchInterval({ state: { status: 'success', data: { done: true, status: 200, data: {}, retryAfter: undefined, location: undefined } } })).toBe(false);
    expect(refetchInterval({ state: { status: 'error', data: pending(10) } })).toBe(false);
  });
});
