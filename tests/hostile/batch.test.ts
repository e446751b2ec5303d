import { describe, expect, it } from 'vitest';
import { createClient, isTimeoutError } from '../../src/index.js';
import { batch, type BatchEntry } from '../../src/batch/index.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
const boundary = 'b0undary-hostile';
const contentType = { 'content-type': `multipart/mixed; boundary=${boundary}` };
const part = (body: string) => `--${boundary}\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
const manifest = part(JSON.stringify({ response: [{ status: 200 }, { status: 200 }] }));
const fast = { delay: 1, jitter: false } as const;
const fail = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should reject'), (e: unknown) => e);

describe('R-TIMEOUT: a per-attempt timeout while reading a 207 body', () => {
  it('R-TIMEOUT: a stalled 207 body is a TimeoutError, retried for a GET batch (1 + 3 requests)', async () => {
    server.route('GET', '/batch', { status: 207, headers: contentType, body: `${manifest}${part('{"id":1}')}`, stall: true });
    const error = await fail(batch(createClient({ baseUrl: server.url, timeout: 150, retry: fast }), '/batch'));
    expect(isTimeoutError(error)).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
    expect(server.count('GET', '/batch')).toBe(4);
  });

  it('R-TIMEOUT: a stalled 207 body on a POST batch is a TimeoutError, not retried (1 request)', async () => {
    server.route('POST', '/batch', { status: 207, headers: contentType, body: manifest, stall: true });
    const error = await fail(batch(createClient({ baseUrl: server.url, timeout: 150, retry: fast }), '/batch', { method: 'POST', json: {} }));
    expect(isTimeoutError(error)).toBe(true);
    expect(server.count('POST', '/batch')).toBe(1);
  });

  it('R-TIMEOUT: a stall followed by a good answer resolves with every part', async () => {
    const body = `${manifest}${part('{"id":1}')}${part('{"id":2}')}--${boundary}--\r\n`;
    server.route('GET', '/batch', [{ status: 207, headers: contentType, body: manifest, stall: true }, { status: 207, headers: contentType, body }]);
    const entries = await batch(createClient({ baseUrl: server.url, timeout: 150, retry: fast }), '/batch');
    expect(entries).toEqual([
      { ok: true, status: 200, data: { id: 1 } },
      { ok: true, status: 200, data: { id: 2 } },
    ]);
  });
});

describe('R-LINEAR: multipart', { retry: 2 }, () => {
  const oneBigPart = (megabytes: number) => {
    const big = JSON.stringify({ blob: 'x'.repeat(megabytes * 1024 * 1024) });
    return `${part(JSON.stringify({ response: [{ status: 200 }] }))}${part(big)}--${boundary}--\r\n`;
  };
  const read = async (megabytes: number) => {
    server.route('GET', '/big', { status: 207, headers: contentType, body: oneBigPart(megabytes) });
    const started = performance.now();
    const entries = (await batch(createClient({ baseUrl: server.url, timeout: 60_000, retry: false }), '/big')) as BatchEntry<{ blob: string }>[];
    const elapsed = performance.now() - started;
    const [entry] = entries;
    expect(entry?.ok && entry.data.blob.length).toBe(megabytes * 1024 * 1024);
    return elapsed;
  };

  it('R-LINEAR: one 8 MB part is read within seconds (0.1: 13.2 s), and 10× the part costs at most ~15× the time', { timeout: 60_000 }, async () => {
    await read(1); // warm-up
    const eight = await read(8);
    expect(eight, `one 8 MB part took ${eight.toFixed(0)} ms`).toBeLessThan(4_000);
    const one = Math.min(await read(1), await read(1), await read(1));
    const ten = Math.min(await read(10), await read(10));
    expect(ten / one, `1 MB: ${one.toFixed(0)} ms, 10 MB: ${ten.toFixed(0)} ms`).toBeLessThan(15);
  });
});
