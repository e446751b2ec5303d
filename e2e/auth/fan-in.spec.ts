import { expect, test } from '@playwright/test';
import { startAuthServer, type AuthServer } from '../helpers/auth-server.ts';
import { assertBuilt, burstAll, createClients, openTabs, percentile, signIn, type Tabs } from '../helpers/tabs.ts';

// Measures fan-in (tabs × requests → refresh calls) and the latency a refresh adds to the requests
// that wait for it. Prints a table; asserts only the refresh count, never absolute times.
// `npm test` runs one quick round; the full measurement (3 rounds, refresh delays 0 and 100 ms):
//   FETCHWISE_MEASURE=1 npx playwright test e2e/auth/fan-in.spec.ts
let server: AuthServer;
let tabs: Tabs | undefined;

test.beforeAll(async () => {
  assertBuilt();
  server = await startAuthServer();
});
test.afterAll(async () => {
  await tabs?.close();
  await server?.close();
});

const full = process.env.FETCHWISE_MEASURE === '1';
const rounds = full ? 3 : 1;
const delays = full ? [0, 100] : [0];
const perTab = 10;

test('R-REFRESH-ONCE: fan-in and added latency for 1×10, 5×10 and 10×10 (measurement)', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  tabs = await openTabs(browser, server, 10);
  await createClients(tabs.pages);
  await signIn(tabs.pages);
  const rows: string[] = [];
  const report: unknown[] = [];
  for (const refreshDelay of delays) {
    server.configure({ refreshDelay });
    for (const count of [1, 5, 10]) {
      const pages = tabs.pages.slice(0, count);
      const baseline: number[] = [];
      const waited: number[] = [];
      const calls: number[] = [];
      const refreshStarts: number[] = [];
      const refreshTimes: number[] = [];
      for (let round = 0; round < rounds; round++) {
        baseline.push(...(await burstAll(pages, perTab)).flat().map((r) => r.ms));
        server.expireAccessTokens();
        const before = server.stats.refreshCalls;
        let startAt = 0;
        const results = (await burstAll(pages, perTab, '/data', (at) => (startAt = at))).flat();
        const log = server.stats.refreshLog.at(-1);
        if (log?.end !== undefined) {
          refreshStarts.push(log.start - startAt);
          refreshTimes.push(log.end - log.start);
        }
        expect(results.filter((r) => !r.ok)).toEqual([]);
        calls.push(server.stats.refreshCalls - before);
        waited.push(...results.map((r) => r.ms));
      }
      expect(calls).toEqual(Array.from({ length: rounds }, () => 1));
      const p = (values: number[], n: number) => Math.round(percentile(values, n));
      const row = {
        tabsXRequests: `${count}×${perTab}`,
        refreshDelay,
        refreshCallsPerRound: calls.join('/'),
        baselineP50: p(baseline, 50),
        baselineP95: p(baseline, 95),
        expiredP50: p(waited, 50),
        expiredP95: p(waited, 95),
        addedP50: p(waited, 50) - p(baseline, 50),
        addedP95: p(waited, 95) - p(baseline, 95),
        refreshStartsAfter: p(refreshStarts, 50),
        refreshTakes: p(refreshTimes, 50),
      };
      report.push(row);
      rows.push(
        `| ${row.tabsXRequests} | ${refreshDelay} | ${row.refreshCallsPerRound} | ${row.baselineP50} / ${row.baselineP95} | ${row.expiredP50} / ${row.expiredP95} | ${row.addedP50} / ${row.addedP95} | ${row.refreshStartsAfter} / ${row.refreshTakes} |`,
      );
    }
  }
  expect(server.stats.reuseDetected).toBe(0);
  const table = [
    `fan-in and latency (ms, ${rounds} rounds, memory storage, Web Locks; "added" = expired − valid token)`,
    '| tabs × requests | refresh delay | refresh calls per round | valid token p50 / p95 | expired token p50 / p95 | added p50 / p95 | refresh starts after burst / takes (server) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${table}\n`);
  await testInfo.attach('auth-fan-in.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
  expect(tabs.errors).toEqual([]);
});
