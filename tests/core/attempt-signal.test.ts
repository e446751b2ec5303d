import { describe, expect, it } from 'vitest';
import { createClient, isTimeoutError } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// The attempt's headers are set on ky's Request by fetchwise's fetch wrapper, and an attempt's
// AbortController is handed to the next attempt when it never aborted (src/core/deadline.ts).
const server = useTestServer();

/** A `fetch` that records the Request and signal of each call, then fetches for real. */
function recordingFetch() {
  const calls: { request: Request; signal: AbortSignal | undefined }[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ request: input as Request, signal: init?.signal ?? undefined });
    return globalThis.fetch(input, init);
  };
  return { calls, fetch };
}

describe('the attempt signal', () => {
  it('R-TIMEOUT: after an attempt timed out, the next requests go through (a fired controller is never reused)', async () => {
    server.route('GET', '/slow', { delay: 4_000, body: {} });
    server.route('GET', '/fast', { body: { ok: true } });
    const { calls, fetch } = recordingFetch();
    // Generous for a loaded machine: only /slow may time out.
    const api = createClient({ baseUrl: server.url, timeout: 1_000, retry: false, fetch });
    await expect(api.get('/fast')).resolves.toEqual({ ok: true });
    expect(isTimeoutError(await api.get('/slow').catch((e: unknown) => e))).toBe(true);
    await expect(api.get('/fast')).resolves.toEqual({ ok: true });
    expect(calls[1]!.signal!.aborted).toBe(true);
    expect(calls[2]!.signal).not.toBe(calls[1]!.signal);
    expect(calls[2]!.signal!.aborted).toBe(false);
  });

  it('R-ABORT: after the caller aborted an attempt, the next request goes through', async () => {
    server.route('GET', '/slow', { delay: 2_000, body: {} });
    server.route('GET', '/fast', { body: { ok: true } });
    const api = createClient({ baseUrl: server.url, retry: false });
    const controller = new AbortController();
    const aborted = api.get('/slow', { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('left the page')), 50);
    expect(await aborted).toMatchObject({ message: 'left the page' });
    await expect(api.get('/fast')).resolves.toEqual({ ok: true });
    await expect(api.get('/fast', { signal: new AbortController().signal })).resolves.toEqual({ ok: true });
  });

  it('R-TIMEOUT: a request on a controller that served earlier requests still times out', async () => {
    server.route('GET', '/fast', { body: {} });
    server.route('GET', '/slow', { delay: 4_000, body: {} });
    const api = createClient({ baseUrl: server.url, timeout: 1_000, retry: false });
    for (let i = 0; i < 5; i++) await api.get('/fast');
    expect(isTimeoutError(await api.get('/slow').catch((e: unknown) => e))).toBe(true);
  });

  it('a controller serves 32 requests at most (a runtime keeping a listener per fetch on it sees a bounded number)', async () => {
    server.route('GET', '/fast', { body: {} });
    const { calls, fetch } = recordingFetch();
    const api = createClient({ baseUrl: server.url, fetch });
    for (let i = 0; i < 70; i++) await api.get('/fast');
    const signals = new Set(calls.map((call) => call.signal));
    expect(signals.has(undefined)).toBe(false);
    expect(signals.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the attempt headers', () => {
  it("a custom fetch gets ky's Request carrying Accept, the client's, the caller's and a plugin's headers", async () => {
    server.route('GET', '/h', { body: {} });
    const { calls, fetch } = recordingFetch();
    const api = createClient({
      baseUrl: server.url,
      fetch,
      headers: { 'x-client': 'c' },
      plugins: [{ name: 'signer', beforeAttempt: (attempt) => void (attempt.headers['x-signature'] = 's1') }],
    });
    await api.get('/h', { headers: { 'X-Caller': 'k' } });
    const { headers } = calls[0]!.request;
    expect(headers.get('accept')).toBe('application/json, */*;q=0.8');
    expect([headers.get('x-client'), headers.get('x-caller'), headers.get('x-signature')]).toEqual(['c', 'k', 's1']);
    expect(server.requests[0]!.headers['x-signature']).toBe('s1');
  });

  it("json gets Content-Type: application/json unless the caller set one; the caller's wins", async () => {
    server.route('POST', '/j', { body: {} });
    const api = createClient({ baseUrl: server.url });
    await api.post('/j', { json: { a: 1 } });
    await api.post('/j', { json: { a: 1 }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(server.requests.map((r) => r.headers['content-type'])).toEqual(['application/json', 'application/merge-patch+json']);
    expect(server.requests[1]!.body).toBe('{"a":1}');
  });

  it('a FormData body keeps the multipart boundary the runtime sets', async () => {
    server.route('POST', '/f', { body: {} });
    const form = new FormData();
    form.append('name', 'Ada');
    await createClient({ baseUrl: server.url }).post('/f', { body: form });
    const type = String(server.requests[0]!.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0]!.body).toContain(type.split('boundary=')[1]);
  });

  it('a header value fetch refuses is a TypeError of the call, not a crash of the client', async () => {
    server.route('GET', '/h', { body: {} });
    const api = createClient({ baseUrl: server.url });
    await expect(api.get('/h', { headers: { 'x-bad': 'a\nb' } })).rejects.toBeInstanceOf(TypeError);
    await expect(api.get('/h')).resolves.toEqual({});
  });
});
