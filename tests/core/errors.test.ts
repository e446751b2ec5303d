import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  createClient,
  fieldErrors,
  ForbiddenError,
  HttpError,
  isBadRequestError,
  isHttpError,
  isValidationError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RangeNotSatisfiableError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();

const client = () => createClient({ baseUrl: server.url, retry: false });
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

const classes: [string, number, abstract new (...args: never[]) => HttpError][] = [
  ['R-400', 400, BadRequestError],
  ['R-401', 401, UnauthorizedError],
  ['R-403', 403, ForbiddenError],
  ['R-404', 404, NotFoundError],
  ['R-405/406/415/416', 405, MethodNotAllowedError],
  ['R-405/406/415/416', 406, NotAcceptableError],
  ['R-405/406/415/416', 415, UnsupportedMediaTypeError],
  ['R-405/406/415/416', 416, RangeNotSatisfiableError],
  ['R-409', 409, ConflictError],
  ['R-412', 412, PreconditionFailedError],
  ['R-413', 413, PayloadTooLargeError],
  ['R-422', 422, ValidationError],
  ['R-429', 429, RateLimitError],
  ['R-5XX', 500, ServerError],
  ['R-503', 503, ServiceUnavailableError],
  ['R-5XX-FINAL', 501, ServerError],
];

describe('client errors map to typed classes', () => {
  for (const [rule, status, ErrorClass] of classes) {
    it(`${rule}: ${status} rejects with ${ErrorClass.name}, an HttpError with status, problem, request and retryable`, async () => {
      server.route('GET', '/thing', { status, headers: { 'content-type': 'application/problem+json' }, body: { title: `Status ${status}`, status } });
      const error = await fail(client().get('/thing'));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(HttpError);
      expect(isHttpError(error)).toBe(true);
      const http = error as HttpError;
      expect(http.status).toBe(status);
      expect(http.problem.title).toBe(`Status ${status}`);
      expect(http.request).toEqual({ method: 'GET', url: `${server.url}/thing` });
      expect(typeof http.retryable).toBe('boolean');
    });
  }

  it('R-503: ServiceUnavailableError is also a ServerError', async () => {
    server.route('GET', '/down', { status: 503 });
    const error = await fail(client().get('/down'));
    expect(error).toBeInstanceOf(ServerError);
  });

  it('R-422: ValidationError carries fieldErrors and formErrors', async () => {
    server.route('POST', '/contacts', {
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: {
        type: 'https://example.net/validation-error',
        title: 'Your request is not valid.',
        errors: [
          { detail: 'must be a positive integer', pointer: '#/age' },
          { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
          { detail: 'the form is closed' },
        ],
      },
    });
    const error = (await fail(client().post('/contacts', { json: {} }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ age: ['must be a positive integer'], 'profile.color': ["must be 'green', 'red' or 'blue'"] });
    expect(error.formErrors).toEqual(['the form is closed']);
    expect(fieldErrors(error)).toBe(error.problem.fieldErrors);
  });

  it('R-400: a 400 with field errors is a BadRequestError and also a ValidationError view', async () => {
    server.route('POST', '/contacts', { status: 400, body: { errors: [{ errorCode: 'CMN-101', message: 'Parameter [email] value is invalid.', parameterName: 'email' }] } });
    const error = await fail(client().post('/contacts', { json: {} }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(isBadRequestError(error)).toBe(true);
    expect(error).toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(true);
    expect(fieldErrors(error)).toEqual({ email: ['Parameter [email] value is invalid.'] });
  });

  it('R-400: a 400 without field errors is not a ValidationError', async () => {
    server.route('GET', '/bad', { status: 400, body: { code: 400, type: 'Bad Request', message: 'malformed' } });
    const error = await fail(client().get('/bad'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(false);
  });

  it('R-429: RateLimitError exposes retryAfter in ms and the parsed rate-limit headers', async () => {
    server.route('GET', '/limited', {
      status: 429,
      headers: {
        'retry-after': '120',
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '30',
        'ratelimit-policy': '60;w=60',
      },
      body: { errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }] },
    });
    const error = (await fail(createClient({ baseUrl: server.url }).get('/limited'))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120_000);
    expect(error.rateLimit).toEqual({ limit: 60, remaining: 0, resetIn: 30_000, window: 60_000, policy: '60;w=60' });
    expect(error.problem.code).toBe('CMN-301');
    expect(server.count()).toBe(1);
  });

  it('R-429: reads the IETF RateLimit header fields', async () => {
    server.route('GET', '/limited', { status: 429, headers: { ratelimit: 'limit=100, remaining=0, reset=5' } });
    const error = (await fail(client().get('/limited'))) as RateLimitError;
    expect(error.rateLimit).toMatchObject({ limit: 100, remaining: 0, resetIn: 5_000 });
  });

  it('R-CODE: the machine code is exposed and the message is left alone', async () => {
    server.route('GET', '/x', { status: 403, body: { errors: [{ errorCode: 'CMN-401', message: 'Specific application permission required' }] } });
    const error = (await fail(client().get('/x'))) as ForbiddenError;
    expect(error.problem.code).toBe('CMN-401');
    expect(error.problem.formErrors).toEqual(['Specific application permission required']);
  });
});

describe('R-TOKEN-SECRET and request summaries', () => {
  it('R-TOKEN-SECRET: an error never carries the Authorization header or token query values', async () => {
    server.route('GET', '/secret', { status: 403, body: { message: 'no' } });
    const api = createClient({ baseUrl: server.url, retry: false, headers: { authorization: 'Bearer super-secret-token' } });
    const error = (await fail(api.get('/secret', { searchParams: { access_token: 'tok123', page: 2 } }))) as HttpError;
    expect(server.requests[0]?.headers.authorization).toBe('Bearer super-secret-token');
    expect(error.request.url).toBe(`${server.url}/secret?access_token=REDACTED&page=2`);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack, problem: error.problem });
    expect(everything).not.toContain('super-secret-token');
    expect(everything).not.toContain('tok123');
  });

  it('R-TOKEN-SECRET: a URL with user info is refused without echoing the password', async () => {
    const error = (await fail(createClient({ baseUrl: server.url }).get(`http://user:hunter2@127.0.0.1:1/x`))) as Error;
    expect(error.message).toMatch(/must not contain credentials/);
    expect(`${error.message} ${error.stack}`).not.toContain('hunter2');
    expect(server.count()).toBe(0);
  });

  it('R-404: the message names method, URL, status and title', async () => {
    server.route('GET', '/missing', { status: 404, body: { title: 'Contact not found', detail: 'No contact 9' } });
    const error = (await fail(client().get('/missing'))) as NotFoundError;
    expect(error.message).toBe(`GET ${server.url}/missing failed with 404 Contact not found: No contact 9`);
    expect(error.name).toBe('NotFoundError');
  });
});
