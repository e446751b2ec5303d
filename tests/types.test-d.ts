import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createAuth, type AuthApi } from '../src/auth/index.js';
import {
  createClient,
  isHttpError,
  isRateLimitError,
  isValidationError,
  type FetchResult,
  type HttpError,
  type Problem,
  type RateLimitError,
  type ValidationError,
} from '../src/index.js';

const client = createClient({ baseUrl: 'https://api.example.com' });
const Contact = z.object({ id: z.string(), age: z.number().optional() });

describe('schema inference', () => {
  it('infers the resolved type from a zod schema', () => {
    expectTypeOf(client.get('/c/1', { schema: Contact })).resolves.toEqualTypeOf<{ id: string; age?: number | undefined }>();
    expectTypeOf(client.post('/c', { schema: z.array(Contact), json: {} })).resolves.toEqualTypeOf<{ id: string; age?: number | undefined }[]>();
  });

  it('uses the schema output type after transforms', () => {
    const Dated = z.object({ at: z.string().transform((s) => new Date(s)) });
    expectTypeOf(client.get('/d', { schema: Dated })).resolves.toEqualTypeOf<{ at: Date }>();
  });

  it('is unknown without a schema, or the type the caller names', () => {
    expectTypeOf(client.get('/x')).resolves.toBeUnknown();
    expectTypeOf(client.get<{ a: 1 }>('/x')).resolves.toEqualTypeOf<{ a: 1 }>();
  });

  it('request() wraps the data in a FetchResult', () => {
    expectTypeOf(client.request('POST', '/c', { schema: Contact })).resolves.toEqualTypeOf<FetchResult<z.infer<typeof Contact>>>();
    expectTypeOf<FetchResult<unknown>['location']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FetchResult<unknown>['created']>().toEqualTypeOf<boolean>();
  });

  it('rejects options that do not exist', () => {
    // @ts-expect-error misspelt option
    void client.get('/x', { serchParams: {} });
  });
});

describe('error narrowing', () => {
  it('guards narrow unknown to our classes', () => {
    const error: unknown = new Error();
    if (isHttpError(error)) {
      expectTypeOf(error).toEqualTypeOf<HttpError>();
      expectTypeOf(error.problem).toEqualTypeOf<Problem>();
      expectTypeOf(error.status).toBeNumber();
    }
    if (isValidationError(error)) {
      expectTypeOf(error).toEqualTypeOf<ValidationError>();
      expectTypeOf(error.fieldErrors).toEqualTypeOf<Record<string, string[]>>();
    }
    if (isRateLimitError(error)) {
      expectTypeOf(error).toEqualTypeOf<RateLimitError>();
      expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.rateLimit.remaining).toEqualTypeOf<number | undefined>();
    }
  });

  it('Problem fields are typed, raw is unknown', () => {
    expectTypeOf<Problem['raw']>().toBeUnknown();
    expectTypeOf<Problem['fieldErrors']>().toEqualTypeOf<Record<string, string[]>>();
  });
});

describe('fetchwise/auth: client.auth', () => {
  it('is the session API on a client created with auth, and absent otherwise', () => {
    const withAuth = createClient({ baseUrl: 'https://api.example.com', auth: createAuth({ refresh: async () => ({ accessToken: 'at' }) }) });
    expectTypeOf(withAuth.auth).toEqualTypeOf<AuthApi>();
    expectTypeOf(withAuth.get('/c/1', { schema: Contact })).resolves.toEqualTypeOf<{ id: string; age?: number | undefined }>();
    // @ts-expect-error: no `auth` option, no `client.auth`
    void client.auth;
  });
});
