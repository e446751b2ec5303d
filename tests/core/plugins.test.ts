import { describe, expect, it } from 'vitest';
import { createClient, isHttpError, ServiceUnavailableError, type CallOutcome, type Plugin } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// The public plugin interface (issue 12): a plugin answers each attempt; the loop decides.
const server = useTestServer();
const fast = { delay: 1, jitter: false } as const;

describe('plugins: beforeAttempt', () => {
  it('sets headers on every attempt, and an attempt never carries what a plugin set on the one before', async () => {
    server.route('GET', '/flaky', [{ status: 503 }, { status: 503 }, { body: { ok: true } }]);
    let n = 0;
    const signer: Plugin = {
      name: 'signer',
      beforeAttempt(attempt) {
        expect(attempt.headers['x-attempt']).toBeUndefined();
        attempt.headers['x-attempt'] = String(++n);
        attempt.headers['x-number'] = String(attempt.number);
      },
    };
    const api = createClient({ baseUrl: server.url, retry: fast, plugins: [signer] });
    await expect(api.get('/flaky')).resolves.toEqual({ ok: true });
    expect(server.requests.map((r) => [r.headers['x-attempt'], r.headers['x-number']])).toEqual([['1', '0'], ['2', '1'], ['3', '2']]);
  });

  it("runs after the built-in steps: a signer sees the conditional request's If-Match", async () => {
    server.route('GET', '/doc', { headers: { etag: '"v1"' }, body: { v: 1 } });
    server.route('PUT', '/doc', { headers: { etag: '"v2"' }, body: { v: 2 } });
    const seen: Array<string | undefined> = [];
    const api = createClient({ baseUrl: server.url, plugins: [{ name: 'spy', beforeAttempt: (a) => void seen.push(a.headers['if-match']) }] });
    await api.get('/doc');
    await api.put('/doc', { json: { v: 2 } });
    expect(seen).toEqual([undefined, '"v1"']);
  });

  it('may be async, and gets the client baseUrl once at setup', async () => {
    server.route('GET', '/x', { body: {} });
    const bases: Array<string | undefined> = [];
    const api = createClient({
      baseUrl: `${server.url}/`,
      plugins: [{ name: 'async', setup: (client) => void bases.push(client.baseUrl), beforeAttempt: async (a) => void (a.headers['x-late'] = await Promise.resolve('yes')) }],
    });
    await api.get('/x');
    expect(bases).toEqual([server.url]);
    expect(server.requests[0]!.headers['x-late']).toBe('yes');
  });
});

describe('plugins: afterAttempt verdicts', () => {
  it("'retry' retries what the policy would not, within its limit", async () => {
    server.route('PUT', '/locked', { status: 423 });
    const retry423: Plugin = { name: 'retry-423', afterAttempt: (_, o) => (!o.ok && isHttpError(o.error) && o.error.status === 423 ? 'retry' : undefined) };
    const api = createClient({ baseUrl: server.url, retry: { ...fast, limit: 2 }, plugins: [retry423] });
    await expect(api.put('/locked', { json: {} })).rejects.toMatchObject({ status: 423 });
    expect(server.count()).toBe(3);
  });

  it("'accept' makes a failure final (no retry of a 503)", async () => {
    server.route('GET', '/down', { status: 503 });
    const api = createClient({ baseUrl: server.url, retry: fast, plugins: [{ name: 'no-retry', afterAttempt: (_, o) => (o.ok ? undefined : 'accept') }] });
    await expect(api.get('/down')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.count()).toBe(1);
  });

  it("'replay' sends again at once, once per call, not counted as a retry", async () => {
    server.route('GET', '/once', { status: 400 });
    const replays: boolean[] = [];
    const api = createClient({
      baseUrl: server.url,
      retry: false,
      plugins: [{ name: 'replay', afterAttempt: (a, o) => (replays.push(a.replayed), o.ok ? undefined : 'replay') }],
    });
    await expect(api.get('/once')).rejects.toMatchObject({ status: 400 });
    expect(server.count()).toBe(2);
    expect(replays).toEqual([false, true]);
  });

  it('{ throw } fails the call with that error, and the first plugin that answers decides', async () => {
    server.route('GET', '/ok', { body: { secretFlag: true } });
    const mine = new Error('refused by policy');
    const api = createClient({
      baseUrl: server.url,
      plugins: [
        { name: 'gate', afterAttempt: (_, o) => (o.ok ? { throw: mine } : undefined) },
        { name: 'never-asked', afterAttempt: () => 'replay' },
      ],
    });
    await expect(api.get('/ok')).rejects.toBe(mine);
    expect(server.count()).toBe(1);
  });
});

describe('plugins: afterCall', () => {
  it('hears each call once, after its retries, with the result or the error; a throwing plugin breaks nothing', async () => {
    server.route('GET', '/flaky', [{ status: 502 }, { body: { ok: true } }]);
    server.route('GET', '/gone', { status: 404 });
    const calls: Array<[string, boolean, number]> = [];
    const log: Plugin = { name: 'log', afterCall: (a, o: CallOutcome) => void calls.push([a.url.slice(server.url.length), o.ok, a.number]) };
    const broken: Plugin = {
      name: 'broken',
      afterCall: () => {
        throw new Error('plugin bug');
      },
    };
    const api = createClient({ baseUrl: server.url, retry: fast, plugins: [broken, log] });
    const failures: unknown[] = [];
    const onError = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onError);
    try {
      await expect(api.get('/flaky')).resolves.toEqual({ ok: true });
      await expect(api.get('/gone')).rejects.toMatchObject({ status: 404 });
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(calls).toEqual([['/flaky', true, 1], ['/gone', false, 0]]);
    // Reported, not swallowed: the plugin's bug surfaces as an uncaught error of its own.
    expect(failures).toHaveLength(2);
  });

  it('createClient rejects a plugin without a name', () => {
    expect(() => createClient({ plugins: [{} as Plugin] })).toThrow(/plugins must be an array of \{ name: string/);
  });
});
