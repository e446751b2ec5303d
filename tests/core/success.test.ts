import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient, isResponseShapeError, ResponseShapeError, fieldErrors } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

const Contact = z.object({ id: z.string(), name: z.string(), tags: z.array(z.object({ label: z.string() })).optional() });
const client = () => createClient({ baseUrl: `${server.url}/v1`, retry: { delay: 1, jitter: false } });

describe('R-200: success bodies', () => {
  it('R-200: parses application/json and appends the path to baseUrl', async () => {
    server.route('GET', '/v1/contacts/1', { body: { id: '1', name: 'Ada' } });
    await expect(client().get('/contacts/1')).resolves.toEqual({ id: '1', name: 'Ada' });
    expect(server.requests[0]?.url).toBe('/v1/contacts/1');
  });

  it('R-200: parses +json media types such as application/hal+json', async () => {
    server.route('GET', '/v1/orders', { headers: { 'content-type': 'application/hal+json; charset=utf-8' }, body: '{"_links":{"self":{"href":"/orders"}}}' });
    await expect(client().get('/orders')).resolves.toEqual({ _links: { self: { href: '/orders' } } });
  });

  it('R-200: a 203 is parsed like a 200', async () => {
    server.route('GET', '/v1/proxy', { status: 203, body: { ok: true } });
    await expect(client().get('/proxy')).resolves.toEqual({ ok: true });
  });

  it('R-200: returns text for other content types', async () => {
    server.route('GET', '/v1/readme', { headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await expect(client().get('/readme')).resolves.toBe('hello');
  });

  it('R-200: validates with the schema and resolves with its output', async () => {
    server.route('GET', '/v1/contacts/1', { body: { id: '1', name: 'Ada', extra: 'dropped by zod' } });
    const contact = await client().get('/contacts/1', { schema: Contact });
    expect(contact).toEqual({ id: '1', name: 'Ada' });
  });

  it('R-200: a schema failure is a ResponseShapeError with issues in field-path form and the raw body', async () => {
    const body = { id: 1, name: 'Ada', tags: [{ label: 'ok' }, { label: 7 }] };
    server.route('GET', '/v1/contacts/1', { body });
    const error = await client().get('/contacts/1', { schema: Contact }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(isResponseShapeError(error)).toBe(true);
    const shape = error as ResponseShapeError;
    expect(shape.status).toBe(200);
    expect(shape.raw).toEqual(body);
    expect(shape.issues.map((i) => i.path)).toEqual(['id', 'tags.1.label']);
    expect(Object.keys(fieldErrors(error))).toEqual(['id', 'tags.1.label']);
    expect(server.count()).toBe(1);
  });

  it('R-200: broken JSON on a success is a ResponseShapeError carrying the raw text, not a SyntaxError', async () => {
    server.route('GET', '/v1/broken', { headers: { 'content-type': 'application/json' }, body: '{"id": "1", "na' });
    const error = await client().get('/broken').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).raw).toBe('{"id": "1", "na');
  });

  it('R-200: searchParams are appended, undefined values skipped, arrays repeated', async () => {
    server.route('GET', '/v1/search', { body: [] });
    await client().get('/search?fixed=1', { searchParams: { q: 'a b', page: 2, skip: undefined, tag: ['x', 'y'] } });
    expect(server.requests[0]?.url).toBe('/v1/search?fixed=1&q=a+b&page=2&tag=x&tag=y');
  });
});

describe('R-201: created', () => {
  it('R-201: exposes location resolved to an absolute URL and created: true; an empty body is not an error', async () => {
    server.route('POST', '/v1/contacts', { status: 201, headers: { location: '/v1/contacts/42' } });
    const result = await client().request('POST', '/contacts', { json: { name: 'Ada' } });
    expect(result).toMatchObject({ status: 201, created: true, data: undefined, location: `${server.url}/v1/contacts/42`, alreadyGone: false });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: 'Ada' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('R-201: a relative Location is resolved against the request URL', async () => {
    server.route('POST', '/v1/contacts', { status: 201, headers: { location: 'contacts/7' } });
    const result = await client().request('POST', '/contacts');
    expect(result.location).toBe(`${server.url}/v1/contacts/7`);
  });

  it('R-201: followLocation fetches the created resource and validates it with the schema', async () => {
    server.route('POST', '/v1/contacts', { status: 201, headers: { location: '/v1/contacts/42' } });
    server.route('GET', '/v1/contacts/42', { body: { id: '42', name: 'Ada' } });
    const result = await client().request('POST', '/contacts', { json: { name: 'Ada' }, schema: Contact, followLocation: true });
    expect(result).toMatchObject({ status: 201, created: true, data: { id: '42', name: 'Ada' } });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/contacts', 'GET /v1/contacts/42']);
  });

  it('R-201-200: a 200 to a repeated create gives the same result with created: false', async () => {
    server.route('POST', '/v1/contacts', { status: 200, headers: { location: '/v1/contacts/42' }, body: { id: '42', name: 'Ada' } });
    const result = await client().request('POST', '/contacts', { schema: Contact, json: { name: 'Ada' } });
    expect(result).toMatchObject({ status: 200, created: false, location: `${server.url}/v1/contacts/42`, data: { id: '42', name: 'Ada' } });
  });
});

describe('R-204: no content', () => {
  for (const status of [204, 205]) {
    it(`R-204: a ${status} resolves with undefined`, async () => {
      server.route('PUT', '/v1/contacts/1', { status, headers: { 'content-type': 'application/json' } });
      await expect(client().put('/contacts/1', { json: { name: 'Ada' } })).resolves.toBeUndefined();
    });
  }

  it('R-204: an empty 200 body with a JSON content type resolves with undefined, never a parse error', async () => {
    server.route('GET', '/v1/empty', { status: 200, headers: { 'content-type': 'application/json' } });
    await expect(client().get('/empty')).resolves.toBeUndefined();
  });

  it('R-204: HEAD resolves with undefined and request() exposes the headers', async () => {
    server.route('HEAD', '/v1/contacts/1', { headers: { etag: '"v1"', 'content-type': 'application/json' } });
    await expect(client().head('/contacts/1')).resolves.toBeUndefined();
    const result = await client().request('HEAD', '/contacts/1');
    expect(result.headers.get('etag')).toBe('"v1"');
  });
});

describe('R-404-DELETE', () => {
  it('R-404-DELETE: a DELETE answered 404 resolves as success with alreadyGone: true', async () => {
    server.route('DELETE', '/v1/contacts/9', { status: 404, body: { title: 'Not Found' } });
    await expect(client().delete('/contacts/9')).resolves.toBeUndefined();
    const result = await client().request('DELETE', '/contacts/9');
    expect(result).toMatchObject({ status: 404, alreadyGone: true, data: undefined });
    expect(server.count('DELETE')).toBe(2);
  });

  it('R-404-DELETE: a GET answered 404 still rejects', async () => {
    server.route('GET', '/v1/contacts/9', { status: 404 });
    await expect(client().get('/contacts/9')).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });
});
