import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createClient, fieldErrors, formErrors, isRequestShapeError, RequestShapeError } from '../../src/index.js';
import { setHookFormErrors } from '../../src/forms/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const Contact = z.object({ id: z.string(), name: z.string(), email: z.string() });
const ContactPatch = z
  .object({ name: z.string().trim().min(1, 'is required').optional(), email: z.email('is not an email').optional() })
  .refine((patch) => patch.name !== undefined || patch.email !== undefined, 'Change a name or an email');

function setup() {
  const api = createClient({ baseUrl: server.url, retry: false });
  const queryClient = new QueryClient();
  const save = api.mutationOptions('PATCH', '/contacts/1', { schema: Contact, variables: ContactPatch });
  return { observer: new MutationObserver(queryClient, save) };
}

describe('typed mutations: variables validated before sending', () => {
  it('R-QUERY-OPTIONS: valid variables are sent as the schema outputs them (trimmed)', async () => {
    server.route('PATCH', '/contacts/1', (request) => ({ body: { id: '1', email: 'ada@example.com', ...JSON.parse(request.body) } }));
    const { observer } = setup();
    const data = await observer.mutate({ name: '  Ada  ' });
    expect(data).toEqual({ id: '1', name: 'Ada', email: 'ada@example.com' });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: 'Ada' });
  });

  it('R-QUERY-OPTIONS: invalid variables reject with a RequestShapeError and no request is sent', async () => {
    server.route('PATCH', '/contacts/1', { body: { id: '1', name: 'x', email: 'y' } });
    const { observer } = setup();
    const error = await observer.mutate({ email: 'nope', name: ' ' }).then(
      () => expect.unreachable('should reject'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestShapeError);
    expect(isRequestShapeError(error)).toBe(true);
    expect((error as RequestShapeError).retryable).toBe(false);
    expect(fieldErrors(error)).toEqual({ name: ['is required'], email: ['is not an email'] });
    expect(server.count()).toBe(0);
    expect(observer.getCurrentResult().error).toBe(error);
  });

  it('R-QUERY-OPTIONS: an object-level issue is a form error, and the form adapters show the issues like a 422', async () => {
    const { observer } = setup();
    const error = await observer.mutate({}).catch((e: unknown) => e);
    expect(formErrors(error)).toEqual(['Change a name or an email']);
    const set: [string, string][] = [];
    setHookFormErrors({ setError: (name: string, { message }) => void set.push([name, message]) }, error);
    expect(set).toEqual([['root.server', 'Change a name or an email']]);
    expect(server.count()).toBe(0);
  });

  it('`variables` that is not a schema fails at once', () => {
    const api = createClient({ baseUrl: server.url });
    expect(() => api.mutationOptions('PATCH', '/contacts/1', { variables: {} as never })).toThrow(/variables.*Standard Schema/);
  });
});
