import { onlineManager, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, NotFoundError, RateLimitError, ServiceUnavailableError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// Issue 14: queries retry through TanStack's retryer, with fetchwise's policy as its `retry` and
// `retryDelay`, so a query pauses offline and `failureCount` / `failureReason` count fetchwise's attempts.
const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => {
  queryClient.clear();
  onlineManager.setOnline(true);
});

const fast = { delay: 1, jitter: false } as const;

describe("R-ONE-RETRIER: TanStack's retryer runs fetchwise's policy", () => {
  it('R-ONE-RETRIER: failureCount and failureReason count the attempts; the last one succeeds', async () => {
    server.route('GET', '/flaky', [{ status: 503 }, { status: 502 }, { body: { ok: true } }]);
    const api = createClient({ baseUrl: server.url, retry: fast });
    const observer = new QueryObserver(queryClient, api.queryOptions('/flaky'));
    const seen: Array<[number, string | undefined]> = [];
    const unsubscribe = observer.subscribe((result) => seen.push([result.failureCount, (result.failureReason as Error | null)?.name]));
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    expect(observer.getCurrentResult().data).toEqual({ ok: true });
    expect(server.count()).toBe(3);
    // Every fetchwise attempt is one TanStack failure (nothing retries inside the query function).
    expect(seen).toContainEqual([1, 'ServiceUnavailableError']);
    expect(seen).toContainEqual([2, 'ServerError']);
    unsubscribe();
  });

  it('R-ONE-RETRIER: the attempts of one query fetch are one logical request for subscribe and onRetry', async () => {
    server.route('GET', '/flaky', [{ status: 503 }, { status: 500 }, { body: { ok: true } }]);
    const retries: Array<[number, string]> = [];
    const api = createClient({ baseUrl: server.url, retry: fast, onRetry: (event) => retries.push([event.attempt, event.error.name]) });
    const events: Array<[string, number]> = [];
    api.subscribe((event) => events.push([event.type, event.id]));
    await expect(queryClient.fetchQuery(api.queryOptions('/flaky'))).resolves.toEqual({ ok: true });
    expect(events.map(([type]) => type)).toEqual(['start', 'retry', 'retry', 'end']);
    expect(new Set(events.map(([, id]) => id)).size).toBe(1);
    expect(retries).toEqual([[1, 'ServiceUnavailableError'], [2, 'ServerError']]);
  });

  it("R-ONE-RETRIER: when the app's own retry says no, or the query is cancelled mid-wait, the logical request still ends", async () => {
    server.route('GET', '/down', { status: 503 });
    const retries: number[] = [];
    const api = createClient({ baseUrl: server.url, retry: { delay: 300, jitter: false }, onRetry: (event) => retries.push(event.attempt) });
    const events: string[] = [];
    api.subscribe((event) => events.push(event.type));
    await expect(queryClient.fetchQuery({ ...api.queryOptions('/down'), retry: false })).rejects.toBeInstanceOf(ServiceUnavailableError);
    await vi.waitFor(() => expect(events).toEqual(['start', 'end']));
    expect(retries).toEqual([]);
    events.length = 0;
    const options = api.queryOptions('/down', { queryKey: ['down', 2] });
    const fetching = queryClient.fetchQuery(options).catch((e: unknown) => e);
    await vi.waitFor(() => expect(events).toEqual(['start', 'retry']));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await fetching;
    await vi.waitFor(() => expect(events).toEqual(['start', 'retry', 'end']));
    expect(server.count()).toBe(2);
  });

  it('R-IDEMPOTENT / R-404: a non-retryable error is not retried by the retryer', async () => {
    server.route('GET', '/missing', { status: 404 });
    const api = createClient({ baseUrl: server.url, retry: fast });
    await expect(queryClient.fetchQuery(api.queryOptions('/missing'))).rejects.toBeInstanceOf(NotFoundError);
    expect(server.count()).toBe(1);
  });

  it("R-429: the retryer waits the error's Retry-After, never sooner", async () => {
    server.route('GET', '/limited', [{ status: 429, headers: { 'retry-after': '1' } }, { body: { ok: true } }]);
    const api = createClient({ baseUrl: server.url, retry: fast });
    await expect(queryClient.fetchQuery(api.queryOptions('/limited'))).resolves.toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('R-429: past maxRetryAfter the query fails at once with the RateLimitError', async () => {
    server.route('GET', '/limited', { status: 429, headers: { 'retry-after': '120' } });
    const api = createClient({ baseUrl: server.url, retry: { ...fast, maxRetryAfter: 60_000 } });
    const error = await queryClient.fetchQuery(api.queryOptions('/limited')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
    expect(server.count()).toBe(1);
  });

  it("R-ONE-RETRIER: a request's own retry option is the query's budget", async () => {
    server.route('GET', '/down', { status: 503 });
    const api = createClient({ baseUrl: server.url, retry: fast });
    await expect(queryClient.fetchQuery(api.queryOptions('/down', { retry: 1 }))).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.count()).toBe(2);
  });

  it('R-ONE-RETRIER: while offline the retryer pauses; on reconnect it goes on (no attempt burnt offline)', async () => {
    server.route('GET', '/flaky', [{ status: 503 }, { body: { ok: true } }]);
    const api = createClient({ baseUrl: server.url, retry: { delay: 200, jitter: false } });
    queryClient.mount(); // as QueryClientProvider does: it hears onlineManager
    const observer = new QueryObserver(queryClient, api.queryOptions('/flaky'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().failureCount).toBe(1));
    onlineManager.setOnline(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(observer.getCurrentResult().fetchStatus).toBe('paused');
    expect(server.count()).toBe(1);
    onlineManager.setOnline(true);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    expect(server.count()).toBe(2);
    unsubscribe();
    queryClient.unmount();
  });
});
