import { expect } from 'vitest';
import { createClient } from '../../src/index.js';
import type { TestServer } from '../helpers/server.js';

export interface Contact {
  name: string;
  email: string;
  address: { zip: string };
}

/**
 * A real 422 from a real server (RFC 9457 with `errors[]`, as seed 004): messages for two fields the
 * forms show, one for a field they do not show (`phone`) and one for the whole contact.
 */
export async function serverValidationError(server: TestServer): Promise<unknown> {
  server.route('PATCH', '/contacts/1', {
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: 'https://example.com/problems/validation',
      title: 'Invalid contact',
      status: 422,
      errors: [
        { detail: 'is already taken', pointer: '/email' },
        { detail: 'must be 5 digits', pointer: '/address/zip' },
        { detail: 'is not a phone number', pointer: '/phone' },
        { detail: 'A contact needs a name or an email', pointer: '' },
      ],
    },
  });
  const api = createClient({ baseUrl: server.url, retry: false });
  const error = await api.patch('/contacts/1', { json: {} }).then(
    () => expect.unreachable('the 422 rejects'),
    (e: unknown) => e,
  );
  return error;
}
