import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createClient, parseLinkHeader, type HttpError, type RateLimitError } from '../../src/index.js';
import { expectLinear } from './linear-time.js';

// R-LINEAR for the parsers outside problem bodies: URLs (baseUrl, write URLs, redaction), Link,
// Retry-After and rate-limit headers. Through the public API; a stub `fetch` carries headers of any
// size (a real server caps them at 16 KB, and the client must survive whatever reaches it).
const answer = (status: number, headers: Record<string, string> = {}) =>
  createClient({ baseUrl: 'http://api.test', retry: false, fetch: async () => new Response(status === 204 ? null : '{}', { status, headers }) });
const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e as HttpError);

// Timing on a shared 2-core machine: a measurement disturbed by another process is taken again (retry: 2).
// Quadratic code fails every attempt (its ratio is ~100×, and the 100 KB budget is checked first).
describe('R-LINEAR: URLs', { timeout: 60_000, retry: 2 }, () => {
  it('R-LINEAR: a baseUrl with a run of slashes resolves in linear time (createClient)', async () => {
    await expectLinear((n) => `http://api.test/${repeat('/', n)}x`, (baseUrl) => createClient({ baseUrl }), { label: 'slashes then x' });
    await expectLinear((n) => `http://api.test/x${repeat('/', n)}`, (baseUrl) => createClient({ baseUrl }), { label: 'trailing slashes' });
  });

  it('R-LINEAR: a write URL with 100,000 slashes invalidates its collection in linear time (parentOf)', async () => {
    const queryClient = new QueryClient();
    const api = createClient({ baseUrl: 'http://api.test', queryClient, fetch: async () => new Response(null, { status: 204 }) });
    await expectLinear((n) => `/items${repeat('/', n)}x`, (path) => api.delete(path), { label: 'DELETE' });
    await expectLinear((n) => `/items/x${repeat('/', n)}`, (path) => api.put(path, { json: {} }), { label: 'PUT' });
  });

  it('R-LINEAR: redacting a 100 KB query (hostile names, many secrets) is linear', async () => {
    const api = answer(404);
    const queries: Array<(n: number) => string> = [
      (n) => `/x?${repeat('a_token=1&', n)}`,
      (n) => `/x?${Array.from({ length: Math.ceil(n / 12) }, (_, i) => `t${i}_token=1`).join('&')}`,
      (n) => `/x?${repeat('_', n)}=1`,
      (n) => `/x?${repeat('aA', n)}=1`,
      (n) => `/x?${repeat('[', n)}=1`,
      (n) => `/x?a${repeat('_sid', n)}x=1`,
    ];
    for (const make of queries) await expectLinear(make, (path) => failure(api.get(path)), { label: make(20) });
    const error = await failure(api.get('/x?PHPSESSID=1&bearer=2&access_token[]=3&user[password]=4&page=5'));
    expect(error.request.url).toBe('http://api.test/x?PHPSESSID=REDACTED&bearer=REDACTED&access_token%5B%5D=REDACTED&user%5Bpassword%5D=REDACTED&page=5');
  });
});

describe('R-LINEAR: headers', { timeout: 60_000, retry: 2 }, () => {
  const hostileHeaders = [
    (n: number) => repeat('9', n),
    (n: number) => repeat(' 1', n),
    (n: number) => `Wed, 21 Oct 2015 07:28:00 GMT${repeat(' a', n)}`,
    (n: number) => repeat('a,', n),
    (n: number) => repeat('limit=', n),
    (n: number) => `limit=${repeat('1', n)}.`,
  ];

  it('R-LINEAR: 100 KB Retry-After and rate-limit headers (X-RateLimit-*, RateLimit, RateLimit-Policy) parse in linear time', async () => {
    for (const make of hostileHeaders) {
      await expectLinear(
        make,
        async (value) => {
          const headers = { 'retry-after': value, 'x-ratelimit-limit': value, ratelimit: value, 'ratelimit-policy': value, 'x-ratelimit-reset': value };
          const error = (await failure(answer(429, headers).get('/x'))) as RateLimitError;
          expect(error.status).toBe(429);
        },
        { label: make(20) },
      );
    }
  });

  it('R-LINEAR: a 100 KB Link header parses in linear time, whatever its shape', async () => {
    const links: Array<(n: number) => string> = [
      (n) => repeat('<', n),
      (n) => `<a>${repeat('; x', n)}`,
      (n) => `<a>; rel="${repeat(' ', n)}next"`,
      (n) => `<a>; title*=UTF-8''${repeat('%', n)}`,
      (n) => repeat(',', n),
      (n) => `<${repeat('a', n)}`,
    ];
    for (const make of links) await expectLinear(make, (value) => parseLinkHeader(value, 'http://api.test/'), { label: make(20), budget: 100 });
    // 20,000 links, each an object and a resolved URL: 100 KB within 100 ms. Their output is as large as
    // the input, so the ratio is compared at 2 KB → 20 KB, before a major GC of the whole test heap
    // (which costs by heap size, not input size) lands in the larger run only.
    const manyLinks: Array<(n: number) => string> = [(n) => repeat('<a>;', n), (n) => repeat('<a>, ', n), (n) => repeat('<a>; rel=next, ', n), (n) => Array.from({ length: n / 8 }, (_, i) => `<${i}>`).join(',')];
    for (const make of manyLinks) await expectLinear(make, (value) => parseLinkHeader(value, 'http://api.test/'), { label: make(20), budget: 100, from: 2_000 });
    // 50,000 escapes: each one an allocation; compared at 50 KB → 500 KB, past the CPU caches.
    await expectLinear((n) => `<a>; rel="${repeat('\\"', n)}`, (value) => parseLinkHeader(value), { label: 'escapes', budget: 100, from: 50_000 });
  });
});
