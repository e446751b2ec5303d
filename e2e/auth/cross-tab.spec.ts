import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startAuthServer, type AuthServer } from '../helpers/auth-server.ts';
import { assertBuilt, burstAll, createClients, openTabs, signIn, type Tabs } from '../helpers/tabs.ts';

// Real Chromium, several pages of one browser context, the built library, and a provider whose refresh
// tokens rotate with reuse detection (a reused one revokes the session). Race tests run several rounds.
// The pages load dist/index.js and dist/auth.js (and their shared chunks): run `npm run build` first (`npm test` builds before `test:browser`).
let server: AuthServer;
let tabs: Tabs | undefined;

test.beforeAll(async () => {
  assertBuilt();
  server = await startAuthServer();
});
test.afterAll(() => server?.close());
test.beforeEach(() => server.reset());
test.afterEach(async () => {
  const errors = tabs?.errors ?? [];
  await tabs?.close();
  tabs = undefined;
  expect(errors, 'uncaught errors in the pages').toEqual([]);
});

const rounds = 3;
const flat = <T>(results: T[][]) => results.flat();

test.describe('5 tabs, one browser context', () => {
  let shared: Tabs;
  test.beforeAll(async ({ browser }) => {
    shared = await openTabs(browser, server, 5);
  });
  test.afterAll(() => shared?.close());
  test.afterEach(() => {
    expect(shared.errors.splice(0), 'uncaught errors in the pages').toEqual([]);
  });

  for (const variant of [
    { storage: 'memory', mode: 'body' },
    { storage: 'local', mode: 'body' },
    { storage: 'session', mode: 'body' },
    { storage: 'memory', mode: 'cookie' },
  ] as const) {
    test(`R-REFRESH-ONCE, R-REFRESH-ROTATE: 5 tabs × 10 requests with an expired token make 1 refresh call, 50 successes, no revocation (${variant.storage} storage, refresh token in ${variant.mode})`, async () => {
      // Each variant has its own channel, hence its own lock, ledger record and storage key.
      await createClients(shared.pages, { ...variant, channel: `fetchwise-${variant.storage}-${variant.mode}` });
      await signIn(shared.pages);
      for (let round = 1; round <= rounds; round++) {
        server.expireAccessTokens();
        const before = server.stats.refreshCalls;
        const results = flat(await burstAll(shared.pages, 10));
        expect(results.filter((r) => r.ok), `round ${round}: ${JSON.stringify(results.filter((r) => !r.ok))}`).toHaveLength(50);
        expect(server.stats.refreshCalls - before, `round ${round}`).toBe(1);
        expect(server.stats.reuseDetected).toBe(0);
        const tokens = await Promise.all(shared.pages.map((page) => page.evaluate(() => window.harness.token())));
        expect(new Set(tokens).size).toBe(1);
      }
    });
  }

  test('R-REFRESH-FAIL: a rejected refresh reaches every tab: onSessionExpired, SessionExpiredError for waiting requests, one refresh call, tokens cleared everywhere', async () => {
    const pages = shared.pages;
    await createClients(pages, { storage: 'local', channel: 'fetchwise-fail' });
    await signIn(pages);
    server.configure({ refreshMode: 'reject' });
    server.expireAccessTokens();
    const results = flat(await burstAll(pages, 4));
    expect(results.map((r) => r.error)).toEqual(Array.from({ length: 20 }, () => 'SessionExpiredError'));
    expect(server.stats.refreshCalls).toBe(1);
    for (const page of pages) {
      await expect.poll(() => page.evaluate(() => window.harness.expired), { intervals: [20] }).toBe(1);
      expect(await page.evaluate(() => window.harness.token())).toBeUndefined();
      // What stays in localStorage says how the session ended (R-SHARED-SESSION), with no token.
      const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('fetchwise-auth:fetchwise-fail'))) ?? 'null') as Record<string, unknown> | null;
      expect(stored).toMatchObject({ v: 1, ended: 'expired' });
      expect(stored).not.toHaveProperty('session');
    }
    const events = await Promise.all(pages.map((page) => page.evaluate(() => window.harness.events.at(-1))));
    expect(events.filter((e) => e === 'expired:this-tab')).toHaveLength(1);
    expect(events.filter((e) => e === 'expired:other-tab')).toHaveLength(4);
    // No storm afterwards: later requests go out without a token and no refresh is attempted.
    const later = flat(await burstAll(pages, 2));
    expect(later.every((r) => r.error === 'UnauthorizedError')).toBe(true);
    expect(server.stats.refreshCalls).toBe(1);
  });

  test('R-401-REFRESH: a 401 again after a successful refresh is an UnauthorizedError, with a bounded request count and no loop', async () => {
    const pages = shared.pages.slice(0, 2);
    await createClients(pages, { channel: 'fetchwise-again' });
    await signIn(pages);
    const results = flat(await burstAll(pages, 3, '/always-401'));
    expect(results.map((r) => r.error)).toEqual(Array.from({ length: 6 }, () => 'UnauthorizedError'));
    expect(server.stats.api['/api/always-401']).toBe(12); // each request: once, then one replay
    expect(server.stats.refreshCalls).toBe(1);
    expect(server.stats.reuseDetected).toBe(0);
  });

  test('R-AUTH-ORIGIN: a request to another origin never carries Authorization', async () => {
    const pages = shared.pages.slice(0, 1);
    const [page] = pages as [Page];
    await createClients(pages, { channel: 'fetchwise-origin' });
    await signIn(pages);
    const other = server.otherUrl;
    await page.evaluate(async (url) => {
      await window.harness.client.get(`${url}/echo`);
      await window.harness.client.get(`${url.replace('127.0.0.1', 'localhost')}/echo`).catch(() => undefined);
      await window.harness.client.get('/data');
    }, other);
    expect(server.stats.otherOrigin.length).toBeGreaterThanOrEqual(1);
    expect(server.stats.otherOrigin.every((value) => value === null)).toBe(true);
    expect(server.stats.dataTokens.at(-1)).toMatch(/^Bearer at_/);
    // Control: listed in `origins`, the other origin does get it, so the check above can see a token.
    await page.evaluate((url) => window.harness.create({ origins: [location.origin, url], channel: 'fetchwise-auth-origins' }), other);
    await page.evaluate(() => window.harness.login());
    await page.evaluate((url) => window.harness.client.get(`${url}/echo`), other);
    expect(server.stats.otherOrigin.at(-1)).toMatch(/^Bearer at_/);
  });
});

test('R-REFRESH-ONCE: a refresh finished in tab A while tab B had a request in flight with the old token is reused by B, not repeated', async ({ browser }) => {
  tabs = await openTabs(browser, server, 2);
  const [a, b] = tabs.pages as [Page, Page];
  await createClients(tabs.pages);
  await signIn(tabs.pages);
  for (let round = 1; round <= rounds; round++) {
    server.expireAccessTokens();
    server.stats.dataTokens.length = 0;
    const before = server.stats.refreshCalls;
    const old = await b.evaluate(() => window.harness.token());
    await b.evaluate(() => window.harness.start(1, '/data?delay=250')); // judged 401 on arrival, answered 250 ms later
    await expect.poll(() => server.stats.dataTokens.length, { intervals: [10] }).toBe(1);
    expect((await a.evaluate(() => window.harness.burst(1)))[0]?.ok).toBe(true); // A refreshes meanwhile
    const fresh = await a.evaluate(() => window.harness.token());
    const [result] = await b.evaluate(() => window.harness.collect());
    expect(result?.ok, JSON.stringify(result)).toBe(true);
    expect(server.stats.refreshCalls - before, `round ${round}`).toBe(1);
    // B's first try carried the old token, its replay the one A got.
    expect(server.stats.dataTokens[0]).toBe(`Bearer ${old}`);
    expect(server.stats.dataTokens.at(-1)).toBe(`Bearer ${fresh}`);
  }
  expect(server.stats.reuseDetected).toBe(0);
});

for (const recovery of ['on-delivery', 'grace'] as const) {
  test(`R-REFRESH-CRASH: the tab holding the lock closes mid-refresh; another tab completes the refresh within the lock timeout (provider rule: ${recovery})`, async ({ browser }) => {
    const lockTimeout = 5_000;
    server.configure({ recovery, refreshDelay: 50 });
    tabs = await openTabs(browser, server, 2);
    const [b, c] = tabs.pages as [Page, Page];
    await createClients(tabs.pages, { lockTimeout });
    await signIn(tabs.pages);
    for (let round = 1; round <= 2; round++) {
      // A new tab A: with memory storage it gets the session from B or C at start-up.
      const a = await tabs.open();
      await a.evaluate((o) => window.harness.create(o), { lockTimeout });
      const current = await b.evaluate(() => window.harness.token());
      await a.waitForFunction((t) => window.harness.token() === t, current);
      server.expireAccessTokens();
      const before = server.stats.refreshCalls;
      const releaseA = server.holdNextRefresh(); // A's answer is still pending when A closes
      await a.evaluate(() => window.harness.start(3));
      await server.refreshStarted(before + 1); // A holds the lock and waits for the provider
      await Promise.all([b, c].map((page) => page.evaluate(() => window.harness.start(5))));
      await new Promise((resolve) => setTimeout(resolve, 100)); // B and C are queued on the lock
      const closedAt = Date.now();
      await a.close();
      const results = flat(await Promise.all([b, c].map((page) => page.evaluate(() => window.harness.collect()))));
      const took = Date.now() - closedAt;
      releaseA(); // the provider answers a tab that is gone
      expect(results.filter((r) => !r.ok), `round ${round}`).toEqual([]);
      expect(took, 'nobody waits for the lock timeout: a closed tab releases its lock at once').toBeLessThan(lockTimeout);
      expect(server.stats.refreshCalls - before).toBe(2);
      expect(server.stats.reuseDetected).toBe(0);
      expect(await b.evaluate(() => window.harness.token())).toBe(await c.evaluate(() => window.harness.token()));
    }
    if (recovery === 'on-delivery') await expect.poll(() => server.stats.undelivered, { intervals: [20] }).toBe(2);
  });
}

test('R-REFRESH-CRASH: without Web Locks, a closed holder’s lease goes stale after the lock timeout and another tab takes over', async ({ browser }) => {
  const lockTimeout = 1_000;
  server.configure({ recovery: 'on-delivery', refreshDelay: 50 });
  tabs = await openTabs(browser, server, 2, () => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  const [b, a] = tabs.pages as [Page, Page];
  await createClients(tabs.pages, { lockTimeout });
  await signIn(tabs.pages);
  server.expireAccessTokens();
  const releaseA = server.holdNextRefresh();
  await a.evaluate(() => window.harness.start(3));
  await server.refreshStarted(1);
  await b.evaluate(() => window.harness.start(5));
  const closedAt = Date.now();
  await a.close();
  const results = await b.evaluate(() => window.harness.collect());
  const took = Date.now() - closedAt;
  releaseA();
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(took).toBeLessThan(lockTimeout + 5_000); // the stale lease, then one refresh: not forever
  expect(server.stats.refreshCalls).toBe(2);
  expect(server.stats.reuseDetected).toBe(0);
});

test('R-REFRESH-CRASH: a frozen lock holder is taken over after the lock timeout, and its late answer is discarded', async ({ browser }) => {
  const lockTimeout = 1_000;
  server.configure({ recovery: 'grace', refreshDelay: 50 });
  tabs = await openTabs(browser, server, 2);
  const [a, b] = tabs.pages as [Page, Page];
  await createClients(tabs.pages, { lockTimeout });
  await signIn(tabs.pages);
  server.expireAccessTokens();
  const releaseA = server.holdNextRefresh(); // A's refresh hangs at the provider until A is frozen
  await a.evaluate(() => window.harness.start(2));
  await server.refreshStarted(1);
  // Freeze A: its JavaScript stops (as in Memory Saver or a backgrounded Android tab) while it holds the
  // lock. CDP's Page.setWebLifecycleState did not stop a visible headless page; pausing in the debugger does.
  const cdp = await tabs.context.newCDPSession(a);
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.pause');
  const started = Date.now();
  const results = await b.evaluate(() => window.harness.burst(4));
  const took = Date.now() - started;
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(took).toBeGreaterThanOrEqual(lockTimeout - 100); // waited for the timeout, then took over
  expect(took).toBeLessThan(10_000); // and not forever
  releaseA(); // A's answer (issued inside the provider's grace period) arrives while A is frozen
  await cdp.send('Debugger.resume');
  const late = await a.evaluate(() => window.harness.collect());
  expect(late.filter((r) => !r.ok)).toEqual([]);
  expect(server.stats.refreshCalls).toBe(2);
  expect(server.stats.reuseDetected).toBe(0);
  // A's own answer came after B committed: A adopted B's session rather than overwrite it.
  expect(await a.evaluate(() => window.harness.token())).toBe(await b.evaluate(() => window.harness.token()));
  expect(await a.evaluate(() => navigator.locks.query().then((q) => q.held?.length ?? 0))).toBe(0);
});






test('R-REFRESH-CRASH: a holder frozen in the middle of an IndexedDB transaction (which blocks the ledger) is taken over too', async ({ browser }) => {
  const lockTimeout = 1_000;
  server.configure({ recovery: 'grace', refreshDelay: 50 });
  tabs = await openTabs(browser, server, 2);
  const [a, b] = tabs.pages as [Page, Page];
  await createClients(tabs.pages, { lockTimeout });
  await signIn(tabs.pages);
  server.expireAccessTokens();
  const releaseA = server.holdNextRefresh();
  await a.evaluate(() => window.harness.start(2));
  await server.refreshStarted(1);
  // Pause A inside a ledger transaction's success callback (its next heartbeat): the transaction stays
  // open, so every other tab's IndexedDB transaction on the ledger waits behind it.
  // The ledger is auth code: in dist/auth.js or a chunk of it, whichever file the build put it in.
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  const ledger = files.find((file) => readFileSync(`${dist}${file}`, 'utf8').includes('step(normalize(get.result))'));
  expect(ledger, 'the ledger code in dist/').toBeDefined();
  const source = readFileSync(`${dist}${ledger}`, 'utf8').split('\n');
  const lineNumber = source.findIndex((line) => line.includes('step(normalize(get.result))'));
  expect(lineNumber).toBeGreaterThan(0);
  const cdp = await tabs.context.newCDPSession(a);
  await cdp.send('Debugger.enable');
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  const { breakpointId } = await cdp.send('Debugger.setBreakpointByUrl', { urlRegex: `dist/${(ledger ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, lineNumber });
  await paused;
  const started = Date.now();
  const results = await b.evaluate(() => window.harness.burst(3));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  const took = Date.now() - started;
  expect(took).toBeGreaterThanOrEqual(lockTimeout); // the lock timeout, then the takeover past the blocked ledger
  expect(took).toBeLessThan(10_000);
  await cdp.send('Debugger.removeBreakpoint', { breakpointId });
  releaseA();
  await cdp.send('Debugger.resume');
  const late = await a.evaluate(() => window.harness.collect());
  expect(late.filter((r) => !r.ok)).toEqual([]);
  expect(server.stats.refreshCalls).toBe(2);
  expect(server.stats.reuseDetected).toBe(0);
  await expect.poll(() => a.evaluate(() => window.harness.token()), { intervals: [20] }).toBe(await b.evaluate(() => window.harness.token()));
});

test('R-REFRESH-ONCE: with navigator.locks removed before the library loads, refresh still happens once across tabs', async ({ browser }) => {
  tabs = await openTabs(browser, server, 5, () => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  expect(await tabs.pages[0]?.evaluate(() => navigator.locks)).toBeUndefined();
  await createClients(tabs.pages);
  await signIn(tabs.pages);
  for (let round = 1; round <= rounds; round++) {
    server.expireAccessTokens();
    const before = server.stats.refreshCalls;
    const results = flat(await burstAll(tabs.pages, 10));
    expect(results.filter((r) => !r.ok), `round ${round}`).toEqual([]);
    expect(server.stats.refreshCalls - before, `round ${round}`).toBe(1);
  }
  expect(server.stats.reuseDetected).toBe(0);
});
