import { isCancelledError, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createClient, PreconditionFailedError } from '../../src/index.js';
import { useTestServer, type RecordedRequest } from '../helpers/server.js';

const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => queryClient.clear());

const Contact = z.object({ id: z.string(), name: z.string() });

/** A resource with a version: answers 304 to a matching If-None-Match, 412 to a stale If-Match. */
function versioned(initial: { id: string; name: string }, options: { weak?: boolean; cacheControl?: string } = {}) {
  const state = { data: initial, version: 1 };
  const etag = () => `${options.weak ? 'W/' : ''}"v${state.version}"`;
  const headers = () => ({ etag: etag(), ...(options.cacheControl ? { 'cache-control': options.cacheControl } : {}) });
  return {
    state,
    change(name: string) {
      state.data = { ...state.data, name };
      state.version++;
    },
    get: (request: RecordedRequest) =>
      request.headers['if-none-match'] === etag() ? { status: 304, headers: headers() } : { body: state.data, headers: headers() },
    patch: (request: RecordedRequest) => {
      const ifMatch = request.headers['if-match'];
      if (ifMatch !== undefined && ifMatch !== etag()) return { status: 412, body: { title: 'Precondition Failed' } };
      state.data = { ...state.data, ...(JSON.parse(request.body) as object) };
      state.version++;
      return { body: state.data, headers: headers() };
    },
  };
}

describe('R-304: revalidation answered by 304', () => {
  it('R-304: a refetch sends If-None-Match, the 304 transfers no body and resolves with the same object', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/contacts/1', { schema: Contact });
    const first = await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const second = queryClient.getQueryData(options.queryKey);
    expect(second).toBe(first);
    // the schema is not run on the 304's empty body
    expect(queryClient.getQueryState(options.queryKey)).toMatchObject({ status: 'success', error: null, fetchFailureCount: 0 });
    await expect(queryClient.fetchQuery({ ...options, staleTime: 0 })).resolves.toBe(first);
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"', '"v1"']);
  });

  it('R-NO-RERENDER: after a 304 the observer data is identical and no data notification fires', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    const api = createClient({ baseUrl: server.url });
    const observer = new QueryObserver(queryClient, { ...api.queryOptions('/contacts/1', { schema: Contact }), notifyOnChangeProps: ['data'] });
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ id: '1', name: 'Ada' }));
    const before = observer.getCurrentResult().data;
    const notifications = seen.length;
    await observer.refetch();
    expect(server.count()).toBe(2);
    expect(observer.getCurrentResult().data).toBe(before);
    expect(seen.length).toBe(notifications);
    unsubscribe();
  });

  it('R-304: a changed resource gives 200 and the new data', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    const options = createClient({ baseUrl: server.url }).queryOptions('/contacts/1', { schema: Contact });
    await queryClient.fetchQuery(options);
    resource.change('Ada Lovelace');
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(queryClient.getQueryData(options.queryKey)).toEqual({ id: '1', name: 'Ada Lovelace' });
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"', '"v2"']);
  });

  it('R-304: If-Modified-Since is sent when only Last-Modified is known', async () => {
    const modified = 'Wed, 21 Oct 2026 07:28:00 GMT';
    server.route('GET', '/report', (request) =>
      request.headers['if-modified-since'] === modified ? { status: 304 } : { body: { rows: 3 }, headers: { 'last-modified': modified } },
    );
    const options = createClient({ baseUrl: server.url }).queryOptions('/report');
    const first = await queryClient.fetchQuery(options);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(queryClient.getQueryData(options.queryKey)).toBe(first);
    expect(server.requests[1]?.headers['if-modified-since']).toBe(modified);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('R-304: two query keys for one URL each keep their own version', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    const api = createClient({ baseUrl: server.url });
    const a = api.queryOptions('/contacts/1', { queryKey: ['a'] });
    const b = api.queryOptions('/contacts/1', { queryKey: ['b'] });
    await queryClient.fetchQuery(a);
    resource.change('Grace');
    await queryClient.fetchQuery(b);
    // a still holds v1: its refetch must not be answered by b's v2 ETag
    await queryClient.refetchQueries({ queryKey: ['a'] });
    expect(queryClient.getQueryData(['a'])).toEqual({ id: '1', name: 'Grace' });
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined, '"v1"']);
  });

  it('R-ETAG-STORE: a Vary: Accept-Language variant never answers for another', async () => {
    server.route('GET', '/greeting', (request) => {
      const language = request.headers['accept-language'] ?? 'en';
      const etag = `"${language}"`;
      if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag, vary: 'Accept-Language' } };
      return { body: { text: language === 'fr' ? 'Bonjour' : 'Hello' }, headers: { etag, vary: 'Accept-Language' } };
    });
    const api = createClient({ baseUrl: server.url });
    const key = ['greeting'];
    await queryClient.fetchQuery(api.queryOptions('/greeting', { queryKey: key, headers: { 'accept-language': 'en' } }));
    // same key, other language: the English validators must not be sent
    await queryClient.fetchQuery({ ...api.queryOptions('/greeting', { queryKey: key, headers: { 'accept-language': 'fr' } }), staleTime: 0 });
    expect(queryClient.getQueryData(key)).toEqual({ text: 'Bonjour' });
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('R-304-MISS: data removed before the refetch gives one plain request and never undefined', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    const options = createClient({ baseUrl: server.url }).queryOptions('/contacts/1');
    await queryClient.fetchQuery(options);
    queryClient.removeQueries({ queryKey: options.queryKey });
    await expect(queryClient.fetchQuery(options)).resolves.toEqual({ id: '1', name: 'Ada' });
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
  });

  it('R-304-MISS: a 304 for data the cache no longer holds gives exactly one unconditional re-request', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', (request) => {
      if (request.headers['if-none-match']) {
        // while the 304 is on its way, the cached object is replaced (another tab, a persister, setQueryData)
        queryClient.setQueryData(['/contacts/1'], { id: '1', name: 'Someone else' });
      }
      return resource.get(request);
    });
    const options = createClient({ baseUrl: server.url }).queryOptions('/contacts/1');
    await queryClient.fetchQuery(options);
    const data = await queryClient.fetchQuery({ ...options, staleTime: 0 });
    expect(data).toEqual({ id: '1', name: 'Ada' });
    expect(queryClient.getQueryData(options.queryKey)).toEqual({ id: '1', name: 'Ada' });
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"', undefined]);
  });
});

describe('R-IF-MATCH, R-412, R-WRITE-ETAG, R-INVALIDATE', () => {
  it('R-IF-MATCH: a PATCH carries If-Match with the strong ETag last seen', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    await api.get('/contacts/1');
    await api.patch('/contacts/1', { json: { name: 'Ada L.' } });
    expect(server.requests[1]?.headers['if-match']).toBe('"v1"');
  });

  it('R-IF-MATCH: a weak ETag is never sent in If-Match', async () => {
    const resource = versioned({ id: '1', name: 'Ada' }, { weak: true });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PUT', '/contacts/1', { status: 204 });
    const api = createClient({ baseUrl: server.url });
    await api.get('/contacts/1');
    await api.put('/contacts/1', { json: { name: 'x' } });
    expect(server.requests[1]?.headers['if-match']).toBeUndefined();
  });

  it('R-412: PreconditionFailedError, never retried, then the query refetches and shows the server version', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    const observer = new QueryObserver(queryClient, api.queryOptions('/contacts/1', { schema: Contact }));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.name).toBe('Ada'));
    resource.change('Changed elsewhere');
    const mutation = queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1'));
    const error = await mutation.execute({ name: 'Mine' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(server.count('PATCH')).toBe(1);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.name).toBe('Changed elsewhere'));
    unsubscribe();
  });

  it('R-WRITE-ETAG: a write answered with a body and ETag updates the cached query without a refetch', async () => {
    const resource = versioned({ id: '1', name: 'Ada' });
    server.route('GET', '/contacts/1', resource.get);
    server.route('PATCH', '/contacts/1', resource.patch);
    const api = createClient({ baseUrl: server.url });
    const options = api.queryOptions('/contacts/1');
    await queryClient.fetchQuery(options);
    const mutation = queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', '/contacts/1'));
    await mutation.execute({ name: 'Ada L.' });
    expect(queryClient.getQueryData(options.queryKey)).toEqual({ id: '1', name: 'Ada L.' });
    // the next revalidation uses the write's ETag and is a 304
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(server.requests.map((r) => `${r.method} ${r.headers['if-none-match'] ?? r.headers['if-match'] ?? '-'}`)).toEqual(['GET -', 'PATCH "v1"', 'GET "v2"']);
    expect(server.count('GET')).toBe(2);
  });

  it('R-INVALIDATE: a POST to a collection invalidates the list queries, with any search params', async () => {
    let contacts = [{ id: '1', name: 'Ada' }];
    server.route('GET', '/contacts', () => ({ body: contacts }));
    server.route('POST', '/contacts', () => {
      contacts = [...contacts, { id: '2', name: 'Grace' }];
      return { status: 201, headers: { location: '/contacts/2' } };
    });
    const api = createClient({ baseUrl: server.url });
    const list = new QueryObserver(queryClient, api.queryOptions('/contacts', { searchParams: { page: 1 } }));
    const unsubscribe = list.subscribe(() => undefined);
    await vi.waitFor(() => expect(list.getCurrentResult().data).toHaveLength(1));
    const mutation = queryClient.getMutationCache().build(queryClient, api.mutationOptions('POST', '/contacts'));
    await mutation.execute({ name: 'Grace' });
    await vi.waitFor(() => expect(list.getCurrentResult().data).toHaveLength(2));
    unsubscribe();
  });

  it('R-INVALIDATE: a PATCH of an item invalidates its collection; a DELETE drops the item', async () => {
    const api = createClient({ baseUrl: server.url, queryClient });
    server.route('GET', '/contacts', { body: [{ id: '1' }] });
    server.route('GET', '/contacts/1', { body: { id: '1' } });
    server.route('PATCH', '/contacts/1', { status: 204 });
    server.route('DELETE', '/contacts/1', { status: 204 });
    await queryClient.fetchQuery(api.queryOptions('/contacts'));
    await queryClient.fetchQuery(api.queryOptions('/contacts/1'));
    await api.patch('/contacts/1', { json: {} }); // plain call: the client-level queryClient is told
    expect(queryClient.getQueryState(['/contacts'])?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['/contacts/1'])?.isInvalidated).toBe(true);
    await api.delete('/contacts/1');
    expect(queryClient.getQueryData(['/contacts/1'])).toBeUndefined();
  });
});

describe('R-ONE-RETRIER', () => {
  it('R-ONE-RETRIER: an endpoint that always answers 503 gets exactly 1 + 3 requests under default QueryClient options', async () => {
    server.route('GET', '/down', { status: 503 });
    const api = createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false } });
    const observer = new QueryObserver(queryClient, api.queryOptions('/down'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('error'), { timeout: 5_000 });
    expect(observer.getCurrentResult().error).toMatchObject({ name: 'ServiceUnavailableError' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.count()).toBe(4);
    unsubscribe();
  });

  it('R-ONE-RETRIER: a QueryClient whose defaults retry 5 times still gets 1 + 3', async () => {
    server.route('GET', '/down', { status: 500 });
    const eager = new QueryClient({ defaultOptions: { queries: { retry: 5, retryDelay: 1 } } });
    const api = createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false } });
    await expect(eager.fetchQuery(api.queryOptions('/down'))).rejects.toMatchObject({ name: 'ServerError' });
    expect(server.count()).toBe(4);
    eager.clear();
  });
});

describe('R-QUERY-OPTIONS', () => {
  it('R-QUERY-OPTIONS: the key derives from path and search params and can be overridden', () => {
    const api = createClient({ baseUrl: server.url });
    expect(api.queryOptions('/contacts').queryKey).toEqual(['/contacts']);
    expect(api.queryOptions('/contacts', { searchParams: { page: 2 } }).queryKey).toEqual(['/contacts', { page: 2 }]);
    expect(api.queryOptions('/contacts', { searchParams: new URLSearchParams('a=1') }).queryKey).toEqual(['/contacts', 'a=1']);
    expect(api.queryOptions('/contacts', { queryKey: ['mine'] }).queryKey).toEqual(['mine']);
  });

  it("R-QUERY-OPTIONS: the query's signal aborts the request when the query is cancelled", async () => {
    server.route('GET', '/slow', { delay: 1_000, body: {} });
    const options = createClient({ baseUrl: server.url }).queryOptions('/slow');
    const promise = queryClient.fetchQuery(options).catch((e: unknown) => e);
    await vi.waitFor(() => expect(server.count()).toBe(1));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    expect(isCancelledError(await promise)).toBe(true);
    await vi.waitFor(() => expect(server.requests[0]?.aborted).toBe(true));
  });
});
