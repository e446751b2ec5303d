import { describe, expect, it } from 'vitest';
import { createClient, type HttpError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e as HttpError);

describe('R-TOKEN-SECRET: URL redaction in errors', () => {
  const secretNames = ['bearer', 'sessionid', 'PHPSESSID', 'JSESSIONID', 'sid', 'otp', 'tokens', 'access_token[]', 'user[password]', 'auth.token', 'sessionId', 'api_key', 'access_token'];
  for (const name of secretNames) {
    it(`R-TOKEN-SECRET: ?${name}= is redacted in error.request.url, the message and JSON`, async () => {
      server.route('GET', '/x', { status: 404 });
      const secret = 'S3cr3tValue42';
      const error = await failure(createClient({ baseUrl: server.url, retry: false }).get('/x', { searchParams: [[name, secret], ['page', '2']] }));
      expect(server.requests[0]?.url).toContain(secret); // the request itself carried it
      expect(error.request.url).toContain('REDACTED');
      expect(error.request.url).toContain('page=2');
      expect(error.request.url).not.toContain(secret);
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    });
  }

  it('R-TOKEN-SECRET: ordinary names stay readable (page, sort, consider, description, keyboard)', async () => {
    server.route('GET', '/x', { status: 404 });
    const error = await failure(createClient({ baseUrl: server.url, retry: false }).get('/x?page=1&sort=name&consider=2&description=3&keyboard=4'));
    expect(error.request.url).toBe(`${server.url}/x?page=1&sort=name&consider=2&description=3&keyboard=4`);
  });
});
