import { describe, expect, it } from 'vitest';
import { createClient, isServiceUnavailableError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const fast = { delay: 1, jitter: false } as const;
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

describe('R-EMPTY-KEY', () => {
  for (const [label, options] of [
    ["an Idempotency-Key: '' header", { headers: { 'Idempotency-Key': '' } }],
    ['a blank Idempotency-Key header', { headers: { 'idempotency-key': '   ' } }],
    ["idempotencyKey: ''", { idempotencyKey: '' }],
  ] as const) {
    it(`R-EMPTY-KEY: ${label} does not make a POST retryable (1 POST against a 503)`, async () => {
      server.route('POST', '/orders', { status: 503 });
      const error = await fail(createClient({ baseUrl: server.url, retry: fast }).post('/orders', { json: {}, ...options }));
      expect(isServiceUnavailableError(error)).toBe(true);
      expect((error as { retryable: boolean }).retryable).toBe(false);
      expect(server.count('POST', '/orders')).toBe(1);
    });
  }

  it('R-EMPTY-KEY: a real key still makes the POST retryable (1 + 3 POSTs)', async () => {
    server.route('POST', '/orders', { status: 503 });
    await fail(createClient({ baseUrl: server.url, retry: fast }).post('/orders', { json: {}, headers: { 'Idempotency-Key': 'k-1' } }));
    expect(server.count('POST', '/orders')).toBe(4);
  });
});
