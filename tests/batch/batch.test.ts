import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createClient,
  isValidationError,
  NotFoundError,
  ResponseShapeError,
  ServiceUnavailableError,
  ValidationError,
  type HttpError,
} from '../../src/index.js';
import { batch, type BatchEntry } from '../../src/batch/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

// Seed 000 (RingCentral) batch format: GET /extension/101,102,103 answers 207 multipart/mixed; the
// first part lists the real status of every following part; error parts use seed 001's error body.
const boundary = 'Boundary_1_14413901_1361871080888';
interface Part {
  headers?: Record<string, string>;
  body: string | object;
}
function multipart(parts: Part[], options: { close?: boolean } = {}): string {
  let text = '';
  for (const part of parts) {
    const headers = part.headers ?? { 'Content-Type': 'application/json' };
    text += `--${boundary}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
    text += `${typeof part.body === 'string' ? part.body : JSON.stringify(part.body, null, 2)}\r\n`;
  }
  return options.close === false ? text : `${text}--${boundary}--\r\n`;
}
const multiStatus = (parts: Part[], options?: { close?: boolean }) => ({
  status: 207,
  statusText: 'Multi-Status',
  headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
  body: multipart(parts, options),
});
const statuses = (...codes: number[]): Part => ({ body: { response: codes.map((status) => ({ status })) } });
const extension = (id: number, name: string) => ({ uri: `https://platform.example.com/restapi/v1.0/account/1/extension/${id}`, id, name });
const notFound = {
  errorCode: 'CMN-102',
  message: 'Resource for parameter [extensionId] is not found',
  errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [extensionId] is not found', parameterName: 'extensionId' }],
};
const invalid = {
  errorCode: 'CMN-101',
  message: 'Parameter [name] value is invalid.',
  errors: [{ errorCode: 'CMN-101', message: 'Parameter [name] value is invalid.', parameterName: 'name' }],
};
const path = '/restapi/v1.0/account/~/extension/101,102,103';
const client = () => createClient({ baseUrl: server.url, retry: { delay: 1, jitter: false } });
const Extension = z.object({ id: z.number(), name: z.string() });

describe('R-207: multipart/mixed batches', () => {
  it('R-207: a 207 with 200, 404 and 422 parts gives one typed entry per part, in order', async () => {
    server.route('GET', path, multiStatus([statuses(200, 404, 422), { body: extension(101, 'Ada') }, { body: notFound }, { body: invalid }]));
    const entries = await batch(client(), path);
    expect(server.count()).toBe(1);
    expect(server.requests[0]?.headers.accept).toMatch(/^multipart\/mixed/);
    expect(entries.map((entry) => [entry.ok, entry.status])).toEqual([[true, 200], [false, 404], [false, 422]]);
    const [first, second, third] = entries;
    expect(first).toEqual({ ok: true, status: 200, data: extension(101, 'Ada') });
    if (second?.ok !== false || third?.ok !== false) throw new Error('expected failures');
    expect(second.error).toBeInstanceOf(NotFoundError);
    expect((second.error as HttpError).problem.code).toBe('CMN-102');
    expect(second.error.request).toEqual({ method: 'GET', url: `${server.url}${path}` });
    expect(third.error).toBeInstanceOf(ValidationError);
    expect(isValidationError(third.error)).toBe(true);
    expect((third.error as ValidationError).fieldErrors).toEqual({ name: ['Parameter [name] value is invalid.'] });
  });

  it('R-207: a malformed part fails only its own entry', async () => {
    server.route(
      'GET',
      path,
      multiStatus([statuses(200, 200, 200), { body: extension(101, 'Ada') }, { body: '{"id": 102, "name": "Gra' }, { body: extension(103, 'Linus') }]),
    );
    const entries = await batch(client(), path);
    expect(entries[0]).toMatchObject({ ok: true, data: { id: 101 } });
    expect(entries[2]).toMatchObject({ ok: true, data: { id: 103 } });
    const broken = entries[1];
    if (broken?.ok !== false) throw new Error('expected a failure');
    expect(broken.status).toBe(200);
    expect(broken.error).toBeInstanceOf(ResponseShapeError);
    expect((broken.error as ResponseShapeError).issues[0]?.code).toBe('invalid_json');
    expect((broken.error as ResponseShapeError).raw).toBe('{"id": 102, "name": "Gra');
  });

  it('R-207: a body cut off before the last parts fails the missing entries only', async () => {
    const body = multiStatus([statuses(200, 200, 200), { body: extension(101, 'Ada') }, { body: extension(102, 'Grace') }], { close: false });
    server.route('GET', path, { ...body, body: `${body.body}--${boundary}\r\nContent-Type: application/json\r\n\r\n{"id": 10` });
    const entries = await batch(client(), path);
    expect(entries.map((entry) => entry.ok)).toEqual([true, true, false]);
    const missing = entries[2];
    if (missing?.ok !== false) throw new Error('expected a failure');
    expect((missing.error as ResponseShapeError).issues[0]?.code).toBe('missing_part');
  });

  it('R-207: the schema applies to each part; a part that fails it fails alone', async () => {
    server.route('GET', path, multiStatus([statuses(200, 200), { body: extension(101, 'Ada') }, { body: { id: 'not a number', name: 'Grace' } }]));
    const entries = await batch(client(), path, { schema: Extension });
    expect(entries[0]).toEqual({ ok: true, status: 200, data: { id: 101, name: 'Ada' } });
    const failed = entries[1];
    if (failed?.ok !== false) throw new Error('expected a failure');
    expect(failed.error).toBeInstanceOf(ResponseShapeError);
    expect(Object.keys((failed.error as ResponseShapeError).fieldErrors)).toEqual(['id']);
  });

  it('R-207: parts in other JSON media types (hal+json, problem+json) and text are read by content type', async () => {
    server.route(
      'GET',
      path,
      multiStatus([
        statuses(200, 409, 500),
        { headers: { 'Content-Type': 'application/hal+json' }, body: { id: 101, _links: { self: { href: '/extension/101' } } } },
        { headers: { 'Content-Type': 'application/problem+json' }, body: { title: 'Conflict', detail: 'Extension is locked' } },
        { headers: { 'Content-Type': 'text/html' }, body: '<html><body>Internal error</body></html>' },
      ]),
    );
    const entries: BatchEntry<unknown>[] = await batch(client(), path);
    expect(entries[0]).toMatchObject({ ok: true, data: { id: 101, _links: { self: { href: '/extension/101' } } } });
    expect(entries[1]).toMatchObject({ ok: false, status: 409, error: { name: 'ConflictError', problem: { detail: 'Extension is locked' } } });
    // R-BAD-BODY per part: an HTML error part still gives the typed error, with its raw text.
    expect(entries[2]).toMatchObject({ ok: false, status: 500, error: { name: 'ServerError', retryable: false, problem: { raw: '<html><body>Internal error</body></html>' } } });
  });

  it('R-207: the first part may be a bare JSON array of statuses (seed 000: "JSON array with real status codes")', async () => {
    server.route('GET', path, multiStatus([{ body: [200, 404] }, { body: extension(101, 'Ada') }, { body: notFound }]));
    const entries = await batch(client(), path);
    expect(entries.map((entry) => entry.status)).toEqual([200, 404]);
  });

  it('R-207: a first part that lists no statuses rejects the whole call, since no part can be attributed', async () => {
    server.route('GET', path, multiStatus([{ body: { hello: 'world' } }, { body: extension(101, 'Ada') }]));
    const error = await batch(client(), path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).issues[0]?.code).toBe('invalid_batch');
  });

  it('R-207: a plain 200 JSON answer (one resource) is a one-entry batch', async () => {
    server.route('GET', '/restapi/v1.0/account/~/extension/101', { body: extension(101, 'Ada') });
    const entries = await batch(client(), '/restapi/v1.0/account/~/extension/101', { schema: Extension });
    expect(entries).toEqual([{ ok: true, status: 200, data: { id: 101, name: 'Ada' } }]);
  });

  it('R-207: an error for the whole batch rejects with its typed error, after the usual retries', async () => {
    server.route('GET', path, [{ status: 503, body: { errorCode: 'CMN-211', message: 'Service temporary unavailable' } }]);
    await expect(batch(client(), path)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.count()).toBe(4);

    server.reset();
    server.route('GET', path, [{ status: 503 }, multiStatus([statuses(200), { body: extension(101, 'Ada') }])]);
    await expect(batch(client(), path)).resolves.toEqual([{ ok: true, status: 200, data: extension(101, 'Ada') }]);
    expect(server.count()).toBe(2);
  });

  it('R-207: a batch may use another method, e.g. a PUT of several resources', async () => {
    server.route('PUT', '/restapi/v1.0/account/~/extension/101,102', multiStatus([statuses(200, 404), { body: extension(101, 'Ada') }, { body: notFound }]));
    const entries = await batch(client(), '/restapi/v1.0/account/~/extension/101,102', { method: 'PUT', json: [{ name: 'Ada' }, { name: 'Bob' }] });
    expect(entries.map((entry) => entry.ok)).toEqual([true, false]);
    expect(server.requests[0]?.method).toBe('PUT');
  });
});
