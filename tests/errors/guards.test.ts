import { describe, expect, it } from 'vitest';
import * as fetchwise from '../../src/index.js';
import {
  createClient,
  FetchwiseError,
  HttpError,
  isFetchwiseError,
  isHttpError,
  isPreconditionRequiredError,
  isValidationError,
  PreconditionRequiredError,
} from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const client = () => createClient({ baseUrl: server.url, retry: false });
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

// Every error class a status produces, with its guard, looked up by name on the public entry point:
// a class without a guard fails here.
const byStatus: [rule: string, status: number, className: string][] = [
  ['R-3XX-NOLOC', 302, 'RedirectError'],
  ['R-400', 400, 'BadRequestError'],
  ['R-401', 401, 'UnauthorizedError'],
  ['R-403', 403, 'ForbiddenError'],
  ['R-404', 404, 'NotFoundError'],
  ['R-405/406/415/416', 405, 'MethodNotAllowedError'],
  ['R-405/406/415/416', 406, 'NotAcceptableError'],
  ['R-409', 409, 'ConflictError'],
  ['R-412', 412, 'PreconditionFailedError'],
  ['R-413', 413, 'PayloadTooLargeError'],
  ['R-405/406/415/416', 415, 'UnsupportedMediaTypeError'],
  ['R-405/406/415/416', 416, 'RangeNotSatisfiableError'],
  ['R-422', 422, 'ValidationError'],
  ['428 Precondition Required', 428, 'PreconditionRequiredError'],
  ['R-429', 429, 'RateLimitError'],
  ['R-5XX-FINAL', 501, 'ServerError'],
  ['R-503', 503, 'ServiceUnavailableError'],
];

type Exports = Record<string, unknown>;
const guardOf = (className: string) => (fetchwise as Exports)[`is${className}`] as ((value: unknown) => boolean) | undefined;
const classOf = (className: string) => (fetchwise as Exports)[className] as (abstract new (...args: never[]) => unknown) | undefined;

describe('a guard for every error class', () => {
  for (const [rule, status, className] of byStatus) {
    it(`${rule}: ${status} rejects with ${className}, named so, and is${className} recognises it and no other status`, async () => {
      server.route('GET', '/thing', { status, body: { title: `Status ${status}` } });
      const error = await fail(client().get('/thing'));
      const ErrorClass = classOf(className);
      const guard = guardOf(className);
      expect(ErrorClass, `${className} is exported`).toBeTypeOf('function');
      expect(guard, `is${className} is exported`).toBeTypeOf('function');
      expect(error).toBeInstanceOf(ErrorClass!);
      expect((error as Error).name).toBe(className);
      expect(guard!(error)).toBe(true);
      // No other status's guard claims it (ServerError's family and the 422 view excepted).
      for (const [, other, otherName] of byStatus) {
        if (other === status) continue;
        if (status === 503 && otherName === 'ServerError') continue;
        expect(guardOf(otherName)!(error), `is${otherName} on a ${status}`).toBe(false);
      }
    });
  }

  it('428 Precondition Required: a PATCH without If-Match is a PreconditionRequiredError, never retried', async () => {
    server.route('PATCH', '/contacts/1', {
      status: 428,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Precondition Required', status: 428, detail: 'If-Match is required' },
    });
    const error = await fail(createClient({ baseUrl: server.url }).patch('/contacts/1', { json: { name: 'Ada' }, idempotencyKey: true }));
    expect(error).toBeInstanceOf(PreconditionRequiredError);
    expect(error).toBeInstanceOf(HttpError);
    expect(isPreconditionRequiredError(error)).toBe(true);
    expect(isValidationError(error)).toBe(false);
    const typed = error as PreconditionRequiredError;
    expect(typed.status).toBe(428);
    expect(typed.problem.detail).toBe('If-Match is required');
    expect(typed.retryable).toBe(false);
    expect(server.count('PATCH', '/contacts/1')).toBe(1);
  });

  it('the base guards: isFetchwiseError and isHttpError, and no guard accepts a look-alike', async () => {
    server.route('GET', '/thing', { status: 418 });
    const error = await fail(client().get('/thing'));
    expect(error).toBeInstanceOf(HttpError);
    expect(isHttpError(error)).toBe(true);
    expect(isFetchwiseError(error)).toBe(true);
    const lookAlike = Object.assign(new Error('x'), { name: 'NotFoundError', status: 404, problem: {} });
    for (const [, , className] of byStatus) expect(guardOf(className)!(lookAlike)).toBe(false);
    expect(isFetchwiseError(lookAlike)).toBe(false);
  });
});

describe('retryable lives on FetchwiseError', () => {
  it('R-5XX: every error has retryable: true for a retryable failure of a GET, false for a POST', async () => {
    server.route('*', '/flaky', { status: 500 });
    const get = await fail(client().get('/flaky'));
    const post = await fail(client().post('/flaky'));
    expect(get).toBeInstanceOf(FetchwiseError);
    expect((get as FetchwiseError).retryable).toBe(true);
    expect((post as FetchwiseError).retryable).toBe(false);
  });

  it('R-NET: a NetworkError carries retryable from the base class', async () => {
    server.route('GET', '/gone', { destroy: true });
    const error = await fail(client().get('/gone'));
    expect(fetchwise.isNetworkError(error)).toBe(true);
    expect((error as FetchwiseError).retryable).toBe(true);
    expect(Object.hasOwn(error as object, 'retryable')).toBe(true);
  });

  it('R-200: a ResponseShapeError is a FetchwiseError with retryable: false', async () => {
    server.route('GET', '/shape', { body: { id: 1 } });
    const schema = {
      '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'bad', path: ['id'] }] }) },
    } as const;
    const error = await fail(client().get('/shape', { schema }));
    expect(fetchwise.isResponseShapeError(error)).toBe(true);
    expect((error as FetchwiseError).retryable).toBe(false);
  });
});
