import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient, fieldErrors, NetworkError, TimeoutError, ValidationError, type HttpError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// Found in review: each case failed before its fix.
const server = useTestServer();
const fast = { delay: 1, jitter: false } as const;

describe('edge cases', () => {
  it('R-TIMEOUT: the per-attempt timeout also covers a body that stalls after the headers', async () => {
    const stalled = { headers: { 'content-type': 'application/json', 'content-length': '100' }, body: '{"a":', stall: true };
    server.route('GET', '/stall', [stalled, stalled, { body: { ok: true } }]);
    const started = performance.now();
    await expect(createClient({ baseUrl: server.url, timeout: 200, retry: fast }).get('/stall')).resolves.toEqual({ ok: true });
    expect(server.count()).toBe(3);
    expect(performance.now() - started).toBeLessThan(3_000);
    server.route('GET', '/stall-always', stalled);
    const error = await createClient({ baseUrl: server.url, timeout: 150, retry: false }).get('/stall-always').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('R-NET: a connection dropped mid-body is a NetworkError, retried for GET', async () => {
    server.route('GET', '/cut', (request, index) =>
      index < 1 ? { headers: { 'content-type': 'application/json', 'content-length': '100' }, body: '{"a":', cutBody: true } : { body: { ok: 1 } },
    );
    await expect(createClient({ baseUrl: server.url, retry: fast }).get('/cut')).resolves.toEqual({ ok: 1 });
    expect(server.count()).toBe(2);
    server.route('GET', '/cut-always', { headers: { 'content-type': 'application/json', 'content-length': '100' }, body: '{"a":', cutBody: true });
    const error = await createClient({ baseUrl: server.url, retry: false }).get('/cut-always').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('R-BAD-BODY: fields named constructor, toString or __proto__ are fields like any other', async () => {
    server.route('POST', '/form', { status: 422, body: '{"errors":{"constructor":["is invalid"],"toString":["no"],"__proto__":["odd"]}}', headers: { 'content-type': 'application/json' } });
    const error = (await createClient({ baseUrl: server.url }).post('/form', { json: {} }).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(fieldErrors(error).constructor).toEqual(['is invalid']);
    expect(fieldErrors(error).toString).toEqual(['no']);
    server.route('GET', '/shape', { body: { constructor: 1 } });
    const shape = await createClient({ baseUrl: server.url }).get('/shape', { schema: z.object({ constructor: z.string() }) }).catch((e: unknown) => e);
    expect(fieldErrors(shape).constructor).toHaveLength(1);
  });

  it('R-201: a body-less 201 with a schema resolves, the schema is not run on nothing; R-204 likewise', async () => {
    server.route('POST', '/things', { status: 201, headers: { location: '/things/1' } });
    server.route('DELETE', '/things/1', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    const Thing = z.object({ id: z.string() });
    await expect(api.request('POST', '/things', { schema: Thing, json: {} })).resolves.toMatchObject({ created: true, data: undefined });
    await expect(api.delete('/things/1', { schema: Thing })).resolves.toBeUndefined();
  });

  it('R-ETAG-STORE: after a 304 of a query with search params, a write to the bare URL sends no other representation\'s ETag', async () => {
    server.route('GET', '/items/1', (request) =>
      request.headers['if-none-match'] === '"exp-v1"' ? { status: 304, headers: { etag: '"exp-v1"' } } : { body: { id: 1, owner: 'ada' }, headers: { etag: '"exp-v1"' } },
    );
    server.route('PATCH', '/items/1', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    const queryClient = new QueryClient();
    const options = api.queryOptions('/items/1', { searchParams: { expand: 'owner' } });
    await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    await api.patch('/items/1', { json: {} });
    expect(server.requests.at(-1)?.headers['if-match']).toBeUndefined();
    queryClient.clear();
  });

  it('R-WRITE-ETAG: a write updates only the query of its exact URL; other representations are refetched', async () => {
    let name = 'Ada';
    server.route('GET', '/items/1', (request) => ({ body: request.url.includes('expand') ? { id: 1, name, owner: 'x' } : { id: 1, name }, headers: { etag: `"${name}"` } }));
    server.route('PATCH', '/items/1', () => {
      name = 'Grace';
      return { body: { id: 1, name }, headers: { etag: `"${name}"` } };
    });
    const api = createClient({ baseUrl: server.url });
    const queryClient = new QueryClient();
    const plain = api.queryOptions('/items/1');
    const expanded = api.queryOptions('/items/1', { searchParams: { expand: 'owner' } });
    await queryClient.fetchQuery(plain);
    await queryClient.fetchQuery(expanded);
    await queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/items/1')).execute({ name: 'Grace' });
    expect(queryClient.getQueryData(plain.queryKey)).toEqual({ id: 1, name: 'Grace' });
    expect(queryClient.getQueryState(expanded.queryKey)?.isInvalidated).toBe(true);
    expect((queryClient.getQueryData(expanded.queryKey) as { owner?: string }).owner).toBe('x');
    queryClient.clear();
  });

  it('a path with a colon in its first segment (users:batchCreate) is relative to baseUrl', async () => {
    server.route('POST', '/v1/users:batchCreate', { body: { ok: true } });
    await expect(createClient({ baseUrl: `${server.url}/v1` }).post('users:batchCreate')).resolves.toEqual({ ok: true });
  });

  it('R-TOKEN-SECRET: a baseUrl with credentials is refused without echoing them; camelCase token params are redacted', async () => {
    expect(() => createClient({ baseUrl: 'http://user:s3cretPass@127.0.0.1/' })).toThrow(/must not contain credentials/);
    try {
      createClient({ baseUrl: 'ftp://user:s3cretPass@example.com' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cretPass');
    }
    server.route('GET', '/x', { status: 403 });
    const error = (await createClient({ baseUrl: server.url, retry: false })
      .get('/x', { searchParams: { authToken: 'T1', sessionToken: 'S1', accessKey: 'A1', page: 2 } })
      .catch((e: unknown) => e)) as HttpError;
    expect(`${error.message} ${error.request.url}`).not.toMatch(/T1|S1|A1/);
    expect(error.request.url).toContain('page=2');
  });
});

