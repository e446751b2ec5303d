import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuth, type SessionEvent } from '../../src/auth/index.js';
import { createClient } from '../../src/index.js';
import type { TestServer } from '../helpers/server.js';
import { authClient, bodyRefresh, channelName, useAuthTestServer, type TokenApi } from './fixtures.js';

let server: TestServer;
let tokens: TokenApi;
const clients = useAuthTestServer((s, t) => {
  server = s;
  tokens = t;
});
afterEach(() => vi.unstubAllGlobals());

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** Counts open BroadcastChannels, to check that clients install listeners lazily and remove them. */
function countChannels(): { open: () => number } {
  let open = 0;
  const Original = globalThis.BroadcastChannel;
  class Counting extends Original {
    #closed = false;
    constructor(name: string) {
      super(name);
      open++;
    }
    override close(): void {
      if (!this.#closed) open--;
      this.#closed = true;
      super.close();
    }
  }
  vi.stubGlobal('BroadcastChannel', Counting);
  return { open: () => open };
}

describe('storage', () => {
  it("storage 'local' keeps the session (its known fields only) and every new client starts with it", async () => {
    const local = memoryStorage();
    vi.stubGlobal('localStorage', local);
    const channel = channelName();
    const client = authClient(server, { storage: 'local', channel });
    clients.push(client);
    await client.auth.setSession({ ...tokens.login(), extra: 'not kept' } as never);
    const stored = JSON.parse(local.data.get(`fetchwise-auth:${channel}`) ?? '{}') as { session: object };
    expect(Object.keys(stored.session).sort()).toEqual(['accessToken', 'refreshToken']);
    const next = authClient(server, { storage: 'local', channel });
    clients.push(next);
    expect(next.auth.getAccessToken()).toBe(client.auth.getAccessToken());
    const token = client.auth.getAccessToken() ?? '';
    await client.auth.clearSession();
    // R-SHARED-SESSION: what stays is how the session ended (for the other tabs' storage event), no token.
    const ended = local.data.get(`fetchwise-auth:${channel}`) ?? '';
    expect(JSON.parse(ended)).toMatchObject({ v: 1, ended: 'signed-out' });
    expect(ended).not.toContain(token);
    expect(authClient(server, { storage: 'local', channel }).auth.getAccessToken()).toBeUndefined();
  });

  it("storage 'session' survives a reload of the tab (a new client on the same sessionStorage)", async () => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    const channel = channelName();
    const client = authClient(server, { storage: 'session', channel });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    tokens.expireAll();
    await client.get('/api/me');
    const reloaded = authClient(server, { storage: 'session', channel });
    clients.push(reloaded);
    expect(reloaded.auth.getAccessToken()).toBe(client.auth.getAccessToken());
  });

  it('a custom store is written by the tab that changed the session and read at start-up', async () => {
    let kept: unknown;
    const store = { get: vi.fn(async () => kept as never), set: vi.fn((session: unknown) => void (kept = session)) };
    const channel = channelName();
    const client = authClient(server, { storage: store, channel });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    tokens.expireAll();
    await client.get('/api/me');
    expect(store.set).toHaveBeenCalledTimes(2);
    const next = authClient(server, { storage: store, channel });
    clients.push(next);
    await next.get('/api/me');
    expect(next.auth.getAccessToken()).toBe(client.auth.getAccessToken());
  });

  it("storage 'local' outside a browser (server rendering) falls back to memory", async () => {
    const client = authClient(server, { storage: 'local' });
    clients.push(client);
    await client.auth.setSession(tokens.login());
    expect(client.auth.getAccessToken()).toBeDefined();
  });
});

describe('lifecycle: lazy listeners and dispose (React StrictMode, HMR)', () => {
  it('creating a client installs nothing; first use opens one channel; dispose closes it; reuse reopens it', async () => {
    const channels = countChannels();
    const client = authClient(server);
    authClient(server); // StrictMode's second initialiser: never used, holds nothing
    expect(channels.open()).toBe(0);
    await client.auth.setSession(tokens.login());
    expect(channels.open()).toBe(1);
    client.auth.subscribe(() => undefined);
    await client.get('/api/me');
    expect(channels.open()).toBe(1);
    await client.auth.dispose();
    await client.auth.dispose(); // idempotent
    expect(channels.open()).toBe(0);
    tokens.expireAll();
    await expect(client.get('/api/me')).resolves.toEqual({ ok: true }); // remount: usable again
    expect(channels.open()).toBe(1);
    await client.auth.dispose();
    expect(channels.open()).toBe(0);
  });

  it('dispose during a refresh lets the refresh finish and hand over its session, then releases everything', async () => {
    const channels = countChannels();
    const channel = channelName();
    const a = authClient(server, { channel });
    const b = authClient(server, { channel });
    b.auth.subscribe(() => undefined); // a client listens from its first use on
    await a.auth.setSession(tokens.login());
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken()));
    tokens.refreshDelay = 150;
    tokens.expireAll();
    const controller = new AbortController();
    const request = a.get('/api/me', { signal: controller.signal });
    await vi.waitFor(() => expect(tokens.refreshCalls).toBe(1)); // the refresh is under way
    controller.abort(); // what an unmounting component does with its queries
    await request.catch(() => undefined);
    await a.auth.dispose(); // resolves once the refresh under way has committed and been handed over
    expect(tokens.refreshCalls).toBe(1);
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken()));
    await b.auth.dispose();
    expect(channels.open()).toBe(0);
    await expect(b.get('/api/me')).resolves.toEqual({ ok: true });
    await b.auth.dispose();
  });

  it('a disposed client schedules no proactive refresh', async () => {
    const client = authClient(server, { refreshBefore: 100 });
    await client.auth.setSession({ ...tokens.login(), expiresAt: Date.now() + 150 });
    await client.auth.dispose();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(tokens.refreshCalls).toBe(0);
  });
});

describe('R-REFRESH-ONCE between clients of one channel (tabs without Web Locks or IndexedDB, as in Node)', () => {
  it('signing in, refreshing and signing out reach the other client over BroadcastChannel', async () => {
    const channel = channelName();
    const a = createClient({ baseUrl: server.url, retry: false, auth: createAuth({ refresh: bodyRefresh(server), channel }) });
    const b = createClient({ baseUrl: server.url, retry: false, auth: createAuth({ refresh: bodyRefresh(server), channel }) });
    clients.push(a, b);
    const events: SessionEvent[] = [];
    b.auth.subscribe((event) => events.push(event));
    await a.auth.setSession(tokens.login());
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken()));
    tokens.expireAll();
    await a.get('/api/me');
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken()));
    await b.get('/api/me'); // uses the handed-over token: no 401, no refresh
    expect(tokens.refreshCalls).toBe(1);
    await a.auth.clearSession();
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBeUndefined());
    expect(events.map((event) => `${event.type}:${event.source}`)).toEqual(['signed-in:other-tab', 'refreshed:other-tab', 'signed-out:other-tab']);
  });
});

describe('R-REFRESH-ONCE between clients sharing a channel, and cookie start-up', () => {
  it('R-REFRESH-ONCE: two clients of one channel (two tabs) hit by 401s together make one refresh call', async () => {
    const channel = channelName();
    const a = authClient(server, { channel });
    const b = authClient(server, { channel });
    clients.push(a, b);
    b.auth.subscribe(() => undefined);
    await a.auth.setSession(tokens.login());
    await vi.waitFor(() => expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken()));
    for (let round = 1; round <= 3; round++) {
      tokens.expireAll();
      await Promise.all([...Array.from({ length: 5 }, () => a.get('/api/me')), ...Array.from({ length: 5 }, () => b.get('/api/me'))]);
      expect(tokens.refreshCalls).toBe(round);
    }
    expect(tokens.revoked).toBe(false);
  });

  it('R-401-REFRESH: client.auth.refresh() without a session calls refresh with session undefined (cookie-based start-up), once for all clients', async () => {
    const channel = channelName();
    const seen: unknown[] = [];
    const refresh = async ({ session }: { session: unknown }) => {
      seen.push(session);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return tokens.login(); // the provider read its httpOnly cookie
    };
    const a = createClient({ baseUrl: server.url, retry: false, auth: createAuth({ refresh, channel }) });
    const b = createClient({ baseUrl: server.url, retry: false, auth: createAuth({ refresh, channel }) });
    clients.push(a, b);
    await Promise.all([a.auth.refresh(), b.auth.refresh()]);
    expect(seen).toEqual([undefined]);
    expect(b.auth.getAccessToken()).toBe(a.auth.getAccessToken());
    await expect(b.get('/api/me')).resolves.toEqual({ ok: true });
  });

  it('a refresh that resolves without a refresh token keeps the current one (a provider that does not rotate)', async () => {
    let presented: string | undefined;
    const client = authClient(server, {
      refresh: async ({ session }) => {
        presented = session?.refreshToken;
        return { accessToken: tokens.login().accessToken };
      },
    });
    clients.push(client);
    await client.auth.setSession({ accessToken: 'at-old', refreshToken: 'rt-kept' });
    await client.auth.refresh();
    await client.auth.refresh();
    expect(presented).toBe('rt-kept');
  });
});
