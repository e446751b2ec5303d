import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createClient } from '../../src/index.js';
import { useTestServer, type RecordedRequest, type Reply } from '../helpers/server.js';

// The rules of issue 11 against the test server, where each server behaviour is set exactly; the same
// rules against the stock servers themselves are in tests/servers/matrix.test.ts.

const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const silenceWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const warnings = (spy: ReturnType<typeof silenceWarnings>, about: string) => spy.mock.calls.map((call) => String(call[0])).filter((message) => message.includes(about));

/** Django's @condition, as measured: 304 to a matching If-None-Match, 412 to a stale If-Match, PATCH answered without an ETag. */
function djangoLike(initial: Record<string, unknown>) {
  const state = { data: initial, version: 1 };
  const etag = () => `"v${state.version}"`;
  return {
    get: (request: RecordedRequest): Reply =>
      request.headers['if-none-match'] === etag() ? { status: 304, headers: { etag: etag() } } : { body: state.data, headers: { etag: etag() } },
    patch: (request: RecordedRequest): Reply => {
      const ifMatch = request.headers['if-match'];
      if (ifMatch !== undefined && ifMatch !== etag()) return { status: 412, body: { title: 'Precondition Failed' } };
      state.data = { ...state.data, ...(JSON.parse(request.body) as object) };
      state.version++;
      return { body: state.data };
    },
  };
}

describe('R-REVALIDATE-HEADERS', () => {
  it('R-REVALIDATE-HEADERS: a conditional revalidation carries Cache-Control: max-age=0, never no-cache or Pragma', async () => {
    server.route('GET', '/item', (request) => (request.headers['if-none-match'] === '"a"' ? { status: 304, headers: { etag: '"a"' } } : { body: { n: 1 }, headers: { etag: '"a"' } }));
    const options = createClient({ baseUrl: server.url }).queryOptions('/item');
    await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const [first, second] = server.requests;
    expect(second?.headers['if-none-match']).toBe('"a"');
    expect(second?.headers['cache-control']).toBe('max-age=0');
    expect(second?.headers['pragma']).toBeUndefined();
    // the unconditional first request still bypasses any HTTP cache
    expect(first?.headers['cache-control']).toBe('no-cache');
  });
});

describe('R-WEAK-ETAG', () => {
  it('R-WEAK-ETAG: a write after a weak ETag goes without If-Match, and development is told once per origin', async () => {
    const warn = silenceWarnings();
    for (const path of ['/a', '/b']) {
      server.route('GET', path, { body: { path }, headers: { etag: 'W/"1"' } });
      server.route('PATCH', path, { body: { path }, headers: { etag: 'W/"2"' } });
    }
    const api = createClient({ baseUrl: server.url });
    for (const path of ['/a', '/b']) {
      await api.get(path);
      await api.patch(path, { json: {} });
      await api.patch(path, { json: {} });
    }
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers['if-match'])).toEqual([undefined, undefined, undefined, undefined]);
    const told = warnings(warn, 'weak ETag');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(server.url);
    expect(told[0]).toContain('not protected');
  });

  it('R-WEAK-ETAG: the warning state is per client, so each new client tells again', async () => {
    const warn = silenceWarnings();
    server.route('GET', '/a', { body: {}, headers: { etag: 'W/"1"' } });
    server.route('PUT', '/a', { status: 204 });
    for (let i = 0; i < 2; i++) {
      const api = createClient({ baseUrl: server.url });
      await api.get('/a');
      await api.put('/a', { json: {} });
    }
    expect(warnings(warn, 'weak ETag')).toHaveLength(2);
  });

  it('R-WEAK-ETAG: silent for strong ETags, for an If-Match set by the caller, and in production builds', async () => {
    const warn = silenceWarnings();
    server.route('GET', '/strong', { body: {}, headers: { etag: '"1"' } });
    server.route('GET', '/weak', { body: {}, headers: { etag: 'W/"1"' } });
    server.route('PUT', '/strong', { status: 204 });
    server.route('PUT', '/weak', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    await api.get('/strong');
    await api.put('/strong', { json: {} });
    await api.get('/weak');
    await api.put('/weak', { json: {}, headers: { 'if-match': '"mine"' } });
    expect(warn).not.toHaveBeenCalled();
    vi.stubEnv('NODE_ENV', 'production');
    const production = createClient({ baseUrl: server.url });
    await production.get('/weak');
    await production.put('/weak', { json: {} });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('R-304-VALIDATOR', () => {
  it('R-304-VALIDATOR: a strong ETag on the 304 of a weak 200 (nginx, Django with gzip) does not make the next write conditional', async () => {
    silenceWarnings();
    server.route('GET', '/doc', (request) => (request.headers['if-none-match'] === 'W/"x"' ? { status: 304, headers: { etag: '"x"' } } : { body: { v: 1 }, headers: { etag: 'W/"x"' } }));
    server.route('PUT', '/doc', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/doc');
    const first = await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(queryClient.getQueryData(options.queryKey)).toBe(first);
    // the stored validator is still the 200's: the second revalidation sends it again
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, 'W/"x"', 'W/"x"']);
    await api.put('/doc', { json: { v: 2 } });
    expect(server.requests.at(-1)?.headers['if-match']).toBeUndefined();
  });

  it('R-304-VALIDATOR: a 304 repeating the stored ETag keeps it, and adds a Last-Modified it brings', async () => {
    const modified = 'Wed, 02 Dec 2026 10:00:00 GMT';
    server.route('GET', '/doc', (request): Reply => (request.headers['if-none-match'] === '"x"' ? { status: 304, headers: { etag: '"x"', 'last-modified': modified } } : { body: { v: 1 }, headers: { etag: '"x"' } }));
    server.route('PUT', '/doc', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/doc');
    await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    await api.put('/doc', { json: { v: 2 } });
    expect(server.requests.at(-1)?.headers['if-match']).toBe('"x"');
  });
});

describe('R-WRITE-NO-ETAG', () => {
  it('R-WRITE-NO-ETAG: two saves in a row with client.patch, answered without ETag, are never a false 412', async () => {
    const resource = djangoLike({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    await api.get('/contacts/1');
    await api.patch('/contacts/1', { json: { name: 'Ada L.' } });
    await expect(api.patch('/contacts/1', { json: { name: 'Ada Lovelace' } })).resolves.toEqual({ id: '1', name: 'Ada Lovelace' });
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers['if-match'])).toEqual(['"v1"', undefined]);
  });

  it('R-WRITE-NO-ETAG: two saves in a row with mutationOptions, the detail query not on screen, are never a false 412', async () => {
    const resource = djangoLike({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    await queryClient.fetchQuery(api.queryOptions('/contacts/1'));
    const save = () => queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1'));
    await save().execute({ name: 'Ada L.' });
    await expect(save().execute({ name: 'Ada Lovelace' })).resolves.toEqual({ id: '1', name: 'Ada Lovelace' });
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers['if-match'])).toEqual(['"v1"', undefined]);
    expect(server.count('GET')).toBe(1);
  });

  it('R-WRITE-NO-ETAG: with the detail query on screen, the second save carries the ETag of its refetch', async () => {
    const resource = djangoLike({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    const observer = new QueryObserver(queryClient, api.queryOptions('/contacts/1'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ id: '1', name: 'Ada' }));
    const save = () => queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1'));
    await save().execute({ name: 'Ada L.' });
    await vi.waitFor(() => expect(server.count('GET')).toBe(2)); // the write invalidated the query
    await vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false));
    await expect(save().execute({ name: 'Ada Lovelace' })).resolves.toEqual({ id: '1', name: 'Ada Lovelace' });
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers['if-match'])).toEqual(['"v1"', '"v2"']);
    await vi.waitFor(() => expect(server.count('GET')).toBe(3)); // let the second refetch land before the next test
    unsubscribe();
  });
});

describe('R-WRITE-SCHEMA', () => {
  const Contact = z.object({ id: z.string(), name: z.string(), createdAt: z.iso.datetime().transform((value) => new Date(value)) });
  const body = { id: '1', name: 'Ada', createdAt: '2026-11-22T09:30:00.000Z' };

  function strongServer() {
    let version = 1;
    let data: Record<string, unknown> = body;
    server.route('GET', '/contacts/1', (request) =>
      request.headers['if-none-match'] === `"v${version}"` ? { status: 304, headers: { etag: `"v${version}"` } } : { body: data, headers: { etag: `"v${version}"` } },
    );
    server.route('PATCH', '/contacts/1', (request) => {
      data = { ...data, ...(JSON.parse(request.body) as object) };
      version++;
      return { body: data, headers: { etag: `"v${version}"` } };
    });
  }

  it("R-WRITE-SCHEMA: a mutation without a schema puts the body into the query only through the query's schema", async () => {
    strongServer();
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/contacts/1', { schema: Contact });
    await queryClient.fetchQuery(options);
    await queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1')).execute({ name: 'Ada L.' });
    const data = queryClient.getQueryData(options.queryKey);
    expect(data?.name).toBe('Ada L.');
    expect(data?.createdAt).toBeInstanceOf(Date);
    expect(server.count('GET')).toBe(1); // updated in place, no refetch
    // the validated copy still carries the write's ETag: the next revalidation is a 304 with the same object
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v2"');
    expect(queryClient.getQueryData(options.queryKey)).toBe(data);
  });

  it('R-WRITE-SCHEMA: client.patch with a client-level queryClient goes through the schema too', async () => {
    strongServer();
    const api = createClient({ baseUrl: server.url, queryClient });
    const options = api.queryOptions('/contacts/1', { schema: Contact });
    await queryClient.fetchQuery(options);
    await api.patch('/contacts/1', { json: { name: 'Ada L.' } });
    expect(queryClient.getQueryData(options.queryKey)?.createdAt).toBeInstanceOf(Date);
  });

  it("R-WRITE-SCHEMA: a body that fails the query's schema never replaces its data; the query is invalidated", async () => {
    strongServer();
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/contacts/1', { schema: Contact });
    const before = await queryClient.fetchQuery(options);
    await queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1')).execute({ createdAt: 'yesterday' });
    expect(queryClient.getQueryData(options.queryKey)).toBe(before);
    expect(queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(true);
  });

  it('R-WRITE-SCHEMA: the schema on meta is not enumerable, so a persister never serialises it', () => {
    const options = createClient({ baseUrl: server.url }).queryOptions('/contacts/1', { schema: Contact });
    expect(options.meta.fetchwise.schema).toBe(Contact);
    expect(JSON.parse(JSON.stringify(options.meta))).toEqual({ fetchwise: { url: `${server.url}/contacts/1`, href: `${server.url}/contacts/1` } });
  });
});

describe('R-CORS-CONDITIONAL', () => {
  it('R-CORS-CONDITIONAL: a cross-origin conditional GET that fails at the network level is sent once without conditions, and the warning names the headers', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost:5173', href: 'http://localhost:5173/' });
    const warn = silenceWarnings();
    // what a rejected preflight looks like to fetch: no response at all
    server.route('GET', '/item', (request) => (request.headers['if-none-match'] ? { destroy: true } : { body: { n: 1 }, headers: { etag: '"a"' } }));
    const api = createClient({ baseUrl: server.url, retry: { limit: 1, delay: 1, jitter: false } });
    const options = { ...api.queryOptions('/item'), structuralSharing: false };
    await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(queryClient.getQueryState(options.queryKey)).toMatchObject({ status: 'success', data: { n: 1 }, error: null });
    // per revalidation: the conditional attempt, then at once exactly one without conditions (a query's
    // attempt is a single request in 0.2: TanStack's retryer would retry the query, not this fallback)
    expect(server.requests.map((r) => r.headers['if-none-match'] ?? '-')).toEqual(['-', '"a"', '-', '"a"', '-']);
    const told = warnings(warn, 'Access-Control-Allow-Headers');
    expect(told).toHaveLength(1);
    for (const header of ['If-None-Match', 'If-Modified-Since', 'If-Match', 'Access-Control-Max-Age', server.url]) expect(told[0]).toContain(header);
  });

  it('R-CORS-CONDITIONAL: same-origin (or outside a browser) a network failure stays a NetworkError', async () => {
    server.route('GET', '/item', (request) => (request.headers['if-none-match'] ? { destroy: true } : { body: { n: 1 }, headers: { etag: '"a"' } }));
    const api = createClient({ baseUrl: server.url, retry: false });
    const options = api.queryOptions('/item');
    await queryClient.fetchQuery(options);
    await expect(queryClient.fetchQuery({ ...options, staleTime: 0 })).rejects.toMatchObject({ name: 'NetworkError' });
    expect(server.count()).toBe(2);
  });
});
