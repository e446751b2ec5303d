import type { Page } from '@playwright/test';
import { expect, panel, requests, table, tag, test } from './fixtures.ts';

// Story 5: three tabs, the session expires: each tab's next request gets a 401, exactly one tab
// calls the token endpoint, the others reuse its new token, and every tab keeps working. Signing
// out in one tab then signs out all three.
const refreshedRow = (page: Page) =>
  requests(page, 'GET', '/api/contacts')
    .and(page.locator('[data-status="done"]'))
    .and(page.locator(`:has(${tag('waited for refresh')}), :has(${tag('refreshed in another tab')})`));

test('story 5: session expiry with three tabs open: one refresh, all tabs keep working', async ({ page, context, demo }) => {
  demo.allowStatuses(401);
  await demo.signIn(page);
  const tabs = [page];
  for (let i = 0; i < 2; i++) {
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open another tab' }).click()]);
    await expect(table(tab)).toHaveAttribute('data-status', 'ready');
    tabs.push(tab);
  }
  expect((await demo.control()).stats.refreshCalls).toBe(0);

  // Every access token stops working, and every tab refetches at once.
  await page.getByRole('button', { name: 'Expire session now' }).click();
  for (const tab of tabs) {
    await expect(refreshedRow(tab)).toHaveCount(1);
    await expect(refreshedRow(tab)).toHaveAttribute('data-http-status', /^(200|304)$/);
  }

  const { stats } = await demo.control();
  expect(stats.refreshCalls).toBe(1);
  expect(stats.reuseDetected).toBe(0);
  expect(stats.graceReuses).toBe(0);

  // One tab refreshed; the two others were told and reused its token.
  const lanes = await Promise.all(
    tabs.map(async (tab) => ({
      thisTab: await panel(tab).locator('[data-session-event="refreshed"][data-source="this-tab"]').count(),
      otherTab: await panel(tab).locator('[data-session-event="refreshed"][data-source="other-tab"]').count(),
      waited: await refreshedRow(tab).locator(tag('waited for refresh')).count(),
    })),
  );
  expect(lanes.map((lane) => lane.thisTab).sort()).toEqual([0, 0, 1]);
  expect(lanes.map((lane) => lane.otherTab).sort()).toEqual([0, 1, 1]);
  const refresher = lanes.findIndex((lane) => lane.thisTab === 1);
  expect(lanes[refresher]?.waited).toBe(1);
  await expect(requests(tabs[refresher]!, 'POST', '/api/auth/token')).toHaveCount(1);
  for (const [index, tab] of tabs.entries()) {
    if (index !== refresher) await expect(refreshedRow(tab).locator(tag('refreshed in another tab'))).toBeVisible();
  }
  await demo.shot(tabs[refresher]!, '5-tab-that-refreshed');
  await demo.shot(tabs[(refresher + 1) % 3]!, '5-tab-that-reused');

  // All tabs keep working with the new token, without another refresh.
  for (const tab of tabs) {
    await tab.getByRole('button', { name: 'Revalidate' }).click();
    await expect(tab.locator('button[data-fetching]')).toHaveAttribute('data-fetching', 'no');
    await expect(table(tab)).toHaveAttribute('data-status', 'ready');
  }
  expect((await demo.control()).stats.refreshCalls).toBe(1);

  // Signing out in one tab signs out all of them.
  await tabs[2]!.getByRole('button', { name: 'Sign out' }).click();
  for (const tab of tabs) {
    await expect(tab.locator('.login form')).toBeVisible();
    await expect(panel(tab).locator('[data-session-event="signed-out"]')).toHaveCount(1);
  }
});
