import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient, isResponseShapeError, type ResponseShapeError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const Item = z.object({ id: z.number() });
const always304 = { status: 304, headers: { etag: '"v1"' } };
const honest = (request: { headers: Record<string, unknown> }) =>
  request.headers['if-none-match'] === '"v1"' ? always304 : { headers: { etag: '"v1"' }, body: { id: 1 } };
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);
const sentInm = () => server.requests.map((request) => request.headers['if-none-match']);

describe('R-304-MISS: client.get', () => {
  it('R-304-MISS: a server that always answers 304: one unconditional re-request, then a typed ResponseShapeError (never undefined)', async () => {
    server.route('GET', '/item', always304);
    const error = await fail(createClient({ baseUrl: server.url }).get('/item', { schema: Item }));
    expect(isResponseShapeError(error)).toBe(true);
    expect((error as ResponseShapeError).status).toBe(304);
    expect((error as ResponseShapeError).issues[0]?.code).toBe('not_modified');
    expect(server.count('GET', '/item')).toBe(2);
    await fail(createClient({ baseUrl: server.url }).get('/item'));
    expect(server.count('GET', '/item')).toBe(4);
  });

  it('R-304-MISS: If-None-Match passed by the caller, answered 304: the re-request drops it and resolves the data', async () => {
    server.route('GET', '/item', honest);
    const api = createClient({ baseUrl: server.url });
    await expect(api.get('/item', { schema: Item, headers: { 'If-None-Match': '"v1"' } })).resolves.toEqual({ id: 1 });
    expect(sentInm()).toEqual(['"v1"', undefined]);
  });

  it('R-304-MISS: client.request still shows a 304 as it came (status 304, one request)', async () => {
    server.route('GET', '/item', always304);
    const result = await createClient({ baseUrl: server.url }).request('GET', '/item', { headers: { 'If-None-Match': '"v1"' } });
    expect(result.status).toBe(304);
    expect(server.count()).toBe(1);
  });
});

describe('R-304-MISS: queryOptions', () => {
  it('R-304-MISS: a server that always answers 304 rejects the query with a typed ResponseShapeError, not a TypeError', async () => {
    server.route('GET', '/item', always304);
    const queryClient = new QueryClient();
    const error = await fail(queryClient.fetchQuery(createClient({ baseUrl: server.url }).queryOptions('/item', { schema: Item })));
    expect(error).not.toBeInstanceOf(TypeError);
    expect(isResponseShapeError(error)).toBe(true);
    expect((error as ResponseShapeError).issues[0]?.code).toBe('not_modified');
    expect(server.count('GET', '/item')).toBe(2);
    queryClient.clear();
  });

  it('R-304-MISS: a query with the caller’s own If-None-Match and nothing cached resolves with the data', async () => {
    server.route('GET', '/item', honest);
    const queryClient = new QueryClient();
    const options = createClient({ baseUrl: server.url }).queryOptions('/item', { schema: Item, headers: { 'If-None-Match': '"v1"' } });
    await expect(queryClient.fetchQuery(options)).resolves.toEqual({ id: 1 });
    expect(sentInm()).toEqual(['"v1"', undefined]);
    queryClient.clear();
  });
});
