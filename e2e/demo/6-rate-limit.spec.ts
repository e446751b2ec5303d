import { expect, requests, table, tag, test } from './fixtures.ts';

// Story 6: a 429 with Retry-After: 3. The panel counts down, fetchwise retries by itself after
// exactly the wait the server asked for, and the list stays on screen meanwhile.
test('story 6: rate limit countdown, then the automatic retry', async ({ page, demo }) => {
  demo.allowStatuses(429);
  await demo.signIn(page);

  await page.getByRole('button', { name: 'Trigger a rate limit' }).click();
  const row = requests(page, 'GET', '/api/contacts').first();
  await expect(row).toHaveAttribute('data-status', 'pending');
  await expect(row.locator('[data-tag^="rate limited: retrying in"]')).toHaveText(/^rate limited: retrying in [23] s$/);
  await expect(table(page)).toHaveAttribute('data-status', 'ready');
  await demo.shot(page, '6-rate-limited-countdown');
  await expect(row.locator(tag('rate limited: retrying in 1 s'))).toBeVisible({ timeout: 5_000 });

  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 5_000 });
  await expect(row).toHaveAttribute('data-http-status', /^(200|304)$/);
  await expect(row).toHaveAttribute('data-retry-delays', '3000');
  await expect(row.locator(tag('retry 1'))).toBeVisible();
  await expect(row.locator(tag('rate limited: retried after 3 s'))).toBeVisible();
  await demo.shot(page, '6-retried');

  const { stats } = await demo.control();
  expect(stats.statuses['GET /api/contacts']?.slice(-2)).toEqual([429, 304]);
});
