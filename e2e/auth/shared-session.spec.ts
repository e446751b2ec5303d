import { expect, test, type Page } from '@playwright/test';
import { startAuthServer, type AuthServer } from '../helpers/auth-server.ts';
import { assertBuilt, openTabs, type Tabs } from '../helpers/tabs.ts';

// R-SHARED-SESSION in real Chromium: 5 pages of one browser context, the built library, storage
// 'local'. Three tabs never use their client (no request, no subscribe); two subscribe.
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

/** ms until `page`'s client reports `token` (polled every 10 ms, given up after 3 s). */
const seen = (page: Page, token: string | undefined) =>
  page.evaluate(
    async ([wanted]) => {
      const started = performance.now();
      while (window.harness.token() !== (wanted ?? undefined)) {
        if (performance.now() - started > 3_000) return Infinity;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return performance.now() - started;
    },
    [token ?? null] as const,
  );

test('R-SHARED-SESSION: with storage local, a sign-in and a sign-out in one tab reach all 5 tabs within 1 s, idle ones included', async ({ browser }) => {
  tabs = await openTabs(browser, server, 5);
  const pages = tabs.pages as [Page, Page, Page, Page, Page];
  const channel = `shared-${Date.now()}`;
  // Tabs 0–2 idle (as an app that has not fetched yet), tabs 3–4 subscribed.
  await Promise.all(pages.map((page, index) => page.evaluate(([c, listen]) => window.harness.create({ storage: 'local', channel: c, listen }), [channel, index >= 3] as const)));

  for (let round = 0; round < 3; round++) {
    const signer = pages[round % 3] as Page; // an idle tab signs in
    const token = await signer.evaluate(() => window.harness.login());
    const delays = await Promise.all(pages.map((page) => seen(page, token)));
    console.log(`R-SHARED-SESSION round ${round}: sign-in seen after ${delays.map((d) => d.toFixed(0)).join(', ')} ms`);
    expect(Math.max(...delays), `round ${round}: sign-in seen after ${delays.map((d) => d.toFixed(0)).join(', ')} ms`).toBeLessThan(1_000);
    for (const page of pages.slice(3)) await expect.poll(() => page.evaluate(() => window.harness.events.at(-1))).toMatch(/^signed-in:/);

    await pages[(round + 1) % 5]?.evaluate(() => window.harness.client.auth.clearSession());
    const cleared = await Promise.all(pages.map((page) => seen(page, undefined)));
    console.log(`R-SHARED-SESSION round ${round}: sign-out seen after ${cleared.map((d) => d.toFixed(0)).join(', ')} ms`);
    expect(Math.max(...cleared), `round ${round}: sign-out seen after ${cleared.map((d) => d.toFixed(0)).join(', ')} ms`).toBeLessThan(1_000);
    for (const page of pages.slice(3)) await expect.poll(() => page.evaluate(() => window.harness.events.at(-1))).toMatch(/^signed-out:/);
  }
});

test('R-SHARED-SESSION: a client created and dropped holds no channel, and dispose() stops the watch', async ({ browser }) => {
  tabs = await openTabs(browser, server, 2);
  const [a, b] = tabs.pages as [Page, Page];
  const channel = `shared-dispose-${Date.now()}`;
  await a.evaluate((c) => {
    // StrictMode: two initialisers, one kept; then the kept one is disposed (unmount) before any use.
    window.harness.make({ storage: 'local', channel: c });
    window.harness.create({ storage: 'local', channel: c, listen: false });
  }, channel);
  await b.evaluate((c) => window.harness.create({ storage: 'local', channel: c, listen: false }), channel);
  const token = await b.evaluate(() => window.harness.login());
  expect(await seen(a, token)).toBeLessThan(1_000);
  await a.evaluate(() => window.harness.client.auth.dispose());
  await b.evaluate(() => window.harness.client.auth.clearSession());
  await b.waitForTimeout(300);
  expect(await a.evaluate(() => window.harness.token())).toBe(token); // disposed: no longer listening
});
