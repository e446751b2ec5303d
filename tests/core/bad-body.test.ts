import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isFetchwiseError, isHttpError, readProblem, type HttpError } from '../../src/index.js';
import { MAX_RAW_TEXT } from '../../src/problem/types.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

const contentTypes = ['application/json', 'application/problem+json', 'text/html', 'text/plain', 'application/octet-stream', 'application/xml', ''];

/** Bodies that break naive clients: bytes, truncated JSON, HTML, deep nesting, JSON of every shape. */
const hostileBody = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc.string({ maxLength: 2_000 }),
  fc.json().map((json) => json.slice(0, Math.max(0, json.length - 3))),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', '', 'null', '[]', '"x"', '{"errors":null}', '{"errors":[null,1,"x"]}', '{"detail":[{"loc":null}]}'),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"errors":'.repeat(depth) + '1' + '}'.repeat(depth)),
);
const errorStatus = fc.integer({ min: 400, max: 599 });

describe('R-BAD-BODY', () => {
  it('R-BAD-BODY: readProblem never throws and always has status, a title and capped raw text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, errorStatus, fc.constantFrom(...contentTypes), async (body, status, contentType) => {
        const response = new Response(body, { status, headers: contentType ? { 'content-type': contentType } : {} });
        const problem = await readProblem(response);
        expect(problem.status).toBe(status);
        expect(problem.title.length).toBeGreaterThan(0);
        if (typeof problem.raw === 'string') expect(problem.raw.length).toBeLessThanOrEqual(MAX_RAW_TEXT);
        expect(Array.isArray(problem.formErrors)).toBe(true);
        for (const messages of Object.values(problem.fieldErrors)) expect(messages.every((m) => typeof m === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('R-BAD-BODY: the client rejects only with typed errors whatever the error body', async () => {
    const api = createClient({ baseUrl: server.url, retry: false });
    await fc.assert(
      fc.asyncProperty(hostileBody, errorStatus, fc.constantFrom(...contentTypes), async (body, status, contentType) => {
        server.reset();
        server.route('GET', '/bad', { status, headers: contentType ? { 'content-type': contentType } : {}, body: typeof body === 'string' ? body : body });
        const error = await api.get('/bad').then(() => undefined, (e: unknown) => e);
        expect(isFetchwiseError(error)).toBe(true);
        // fetch itself turns a 407 into a network error (Fetch standard, "HTTP-network-or-cache fetch")
        if (status === 407) return;
        expect(isHttpError(error)).toBe(true);
        expect((error as HttpError).status).toBe(status);
        expect((error as HttpError).problem.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('R-BAD-BODY: an HTML error page gives the status text as title and the HTML as raw text', async () => {
    server.route('GET', '/html', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' }, body: '<h1>nginx</h1>' });
    const error = (await createClient({ baseUrl: server.url, retry: false }).get('/html').catch((e: unknown) => e)) as HttpError;
    expect(error.problem).toMatchObject({ status: 502, title: 'Bad Gateway', raw: '<h1>nginx</h1>', fieldErrors: {}, formErrors: [] });
  });

  it('R-BAD-BODY: truncated JSON keeps the raw text', async () => {
    server.route('GET', '/cut', { status: 500, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Oops","det' });
    const error = (await createClient({ baseUrl: server.url, retry: false }).get('/cut').catch((e: unknown) => e)) as HttpError;
    expect(error.problem).toMatchObject({ title: 'Internal Server Error', raw: '{"title":"Oops","det' });
  });

  it('R-BAD-BODY: a huge body is capped', async () => {
    const huge = 'x'.repeat(3_000_000);
    server.route('GET', '/huge', { status: 500, headers: { 'content-type': 'text/plain' }, body: huge });
    const error = (await createClient({ baseUrl: server.url, retry: false }).get('/huge').catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(500);
    expect((error.problem.raw as string).length).toBe(MAX_RAW_TEXT);
    const problem = await readProblem(new Response(huge, { status: 500 }));
    expect((problem.raw as string).length).toBe(MAX_RAW_TEXT);
  });

  it('R-BAD-BODY: an empty body with HTTP/2-style empty status text still has a title', async () => {
    const problem = await readProblem(new Response(null, { status: 429, statusText: '' }));
    expect(problem).toMatchObject({ status: 429, title: 'Too Many Requests', raw: undefined });
  });

  it('R-BAD-BODY: readProblem survives a body that was already read', async () => {
    const response = new Response('{"title":"x"}', { status: 400, headers: { 'content-type': 'application/json' } });
    await response.text();
    await expect(readProblem(response)).resolves.toMatchObject({ status: 400, title: 'Bad Request' });
  });
});
