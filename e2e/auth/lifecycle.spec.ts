import { expect, test, type Page } from '@playwright/test';
import { startAuthServer, type AuthServer } from '../helpers/auth-server.ts';
import { assertBuilt, openTabs, type Tabs } from '../helpers/tabs.ts';

// React StrictMode mounts, unmounts and remounts; HMR re-runs the module that created the client.
// Neither may leave a lock held or a second listener behind.
let server: AuthServer;
let tabs: Tabs | undefined;

test.beforeAll(async () => {
  assertBuilt();
  server = await startAuthServer();
});
test.afterAll(() => server?.close());
test.afterEach(async () => {
  const errors = tabs?.errors ?? [];
  await tabs?.close();
  tabs = undefined;
  expect(errors, 'uncaught errors in the pages').toEqual([]);
});

declare global {
  interface Window {
    __channels: { created: number; open: () => number; listening: () => number };
    app: Record<string, any>;
  }
}

/** Counts BroadcastChannels: created, still open, and open with a message listener. Runs before the library loads. */
function countChannels(): void {
  const Original = window.BroadcastChannel;
  const live = new Set<BroadcastChannel>();
  const listeners = new WeakMap<BroadcastChannel, number>();
  let created = 0;
  class Counting extends Original {
    constructor(name: string) {
      super(name);
      created++;
      live.add(this);
    }
    override close(): void {
      live.delete(this);
      super.close();
    }
    override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
      if (type === 'message') listeners.set(this, (listeners.get(this) ?? 0) + 1);
      super.addEventListener(type, listener, options);
    }
  }
  window.BroadcastChannel = Counting;
  window.__channels = {
    get created() {
      return created;
    },
    open: () => live.size,
    listening: () => [...live].reduce((sum, channel) => sum + (channel.onmessage ? 1 : 0) + (listeners.get(channel) ?? 0), 0),
  };
}

const state = (page: Page) =>
  page.evaluate(async () => {
    const locks = await navigator.locks.query();
    return { open: window.__channels.open(), listening: window.__channels.listening(), held: locks.held?.length ?? 0, pending: locks.pending?.length ?? 0 };
  });

test('R-REFRESH-ONCE: mounting, unmounting and remounting the client (StrictMode, HMR) leaves no lock held and no duplicate listeners', async ({ browser }) => {
  tabs = await openTabs(browser, server, 2, countChannels);
  const [a, b] = tabs.pages as [Page, Page];
  await b.evaluate(() => window.harness.create()); // another tab, listening
  const idle = { open: 0, listening: 0, held: 0, pending: 0 };

  // StrictMode runs the initialiser twice and keeps one client: creating clients installs nothing.
  await a.evaluate(() => {
    window.app = { events: [] as string[] };
    window.app.client = window.harness.make();
    window.harness.make();
  });
  expect(await state(a)).toEqual(idle);

  // Mount (effect subscribes), StrictMode's unmount (cleanup: unsubscribe and dispose), remount.
  await a.evaluate(async () => {
    const { app } = window;
    const mount = () => app.client.auth.subscribe((event: { type: string; source: string }) => app.events.push(`${event.type}:${event.source}`));
    app.unsubscribe = mount();
    app.unsubscribe();
    await app.client.auth.dispose();
    app.unsubscribe = mount();
  });
  expect(await state(a)).toEqual({ ...idle, open: 1, listening: 1 });

  // It works after the remount: sign in, expire, one refresh, one event per change (no duplicate listener).
  await a.evaluate(async () => window.app.client.auth.setSession(await window.harness.session()));
  await b.waitForFunction(() => window.harness.token() !== undefined);
  server.expireAccessTokens();
  await a.evaluate(() => window.app.client.get('/data'));
  expect(server.stats.refreshCalls).toBe(1);
  expect(await a.evaluate(() => window.app.events)).toEqual(['signed-in:this-tab', 'refreshed:this-tab']);
  await b.waitForFunction(() => window.harness.token() === undefined || window.harness.events.includes('refreshed:other-tab'));
  expect(await state(a)).toEqual({ ...idle, open: 1, listening: 1 });

  // HMR: the old module's client is disposed (import.meta.hot.dispose), the new module makes another.
  // The new one (memory storage, so no token of its own) gets the session from tab B over the channel.
  await a.evaluate(async () => {
    window.app.unsubscribe();
    await window.app.client.auth.dispose();
    window.app.client = window.harness.make();
  });
  expect(await state(a)).toEqual(idle);
  expect(await a.evaluate(() => window.app.client.get('/data'))).toEqual({ ok: true });
  expect(server.stats.refreshCalls).toBe(1);
  expect(await state(a)).toEqual({ ...idle, open: 1, listening: 1 });

  // Unmount while a refresh is under way: the refresh finishes and is handed over, then nothing is left.
  server.configure({ refreshDelay: 300 });
  server.expireAccessTokens();
  await a.evaluate(() => {
    window.app.controller = new AbortController();
    window.app.request = window.app.client.get('/data', { signal: window.app.controller.signal }).catch(() => undefined);
  });
  await server.refreshStarted(2); // the refresh is under way
  await a.evaluate(async () => {
    window.app.controller.abort(); // TanStack Query cancels the unmounted component's queries
    await window.app.request;
    await window.app.client.auth.dispose();
  });
  expect(server.stats.refreshCalls).toBe(2);
  expect(await state(a)).toEqual(idle);
  expect(await b.evaluate(() => window.harness.client.get('/data'))).toEqual({ ok: true }); // B got the new session
  expect(server.stats.refreshCalls).toBe(2);
  await b.evaluate(() => window.harness.client.auth.dispose());
  expect(await state(b)).toEqual(idle);
  expect(await a.evaluate(() => window.__channels.created)).toBe(3); // mount, remount, the HMR client: one at a time
  expect(server.stats.reuseDetected).toBe(0);
});
