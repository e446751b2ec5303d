import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient, type RequestEvent } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

describe('client.subscribe', () => {
  it('reports start, each retry with its wait and error, and the end with status and duration', async () => {
    server.route('GET', '/flaky', [{ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }, { body: { ok: true } }]);
    const api = createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false } });
    const events: RequestEvent[] = [];
    const unsubscribe = api.subscribe((event) => events.push(event));
    await api.get('/flaky');
    expect(events.map((e) => e.type)).toEqual(['start', 'retry', 'retry', 'end']);
    const [start, first, second, end] = events;
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(start?.request).toEqual({ method: 'GET', url: `${server.url}/flaky` });
    expect(first).toMatchObject({ attempt: 1, delay: 1, error: { name: 'ServiceUnavailableError' } });
    expect(second).toMatchObject({ attempt: 2, delay: 0, error: { name: 'RateLimitError' } });
    expect(end).toMatchObject({ status: 200, retries: 2, refreshed: false });
    expect((end as { duration: number }).duration).toBeGreaterThan(0);
    unsubscribe();
    await api.get('/flaky');
    expect(events).toHaveLength(4);
  });

  it('reports a failure with its status and error', async () => {
    server.route('GET', '/missing', { status: 404 });
    const api = createClient({ baseUrl: server.url });
    const events: RequestEvent[] = [];
    api.subscribe((event) => events.push(event));
    await api.get('/missing').catch(() => undefined);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 404, error: { name: 'NotFoundError' } });
  });

  it('reports the status of a response that failed its schema', async () => {
    server.route('GET', '/shape', { body: { id: 1 } });
    const api = createClient({ baseUrl: server.url });
    const events: RequestEvent[] = [];
    api.subscribe((event) => events.push(event));
    await api.get('/shape', { schema: z.object({ id: z.string() }) }).catch(() => undefined);
    expect(events.at(-1)).toMatchObject({ type: 'end', status: 200, error: { name: 'ResponseShapeError' } });
  });

  it('a throwing listener does not break the request', async () => {
    server.route('GET', '/ok', { body: '1', headers: { 'content-type': 'application/json' } });
    const api = createClient({ baseUrl: server.url });
    api.subscribe(() => {
      throw new Error('listener bug');
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    await expect(api.get('/ok')).resolves.toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('uncaughtException', onUncaught);
    expect(uncaught).toHaveLength(2);
  });
});
