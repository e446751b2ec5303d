import { expect, form, requests, tag, test } from './fixtures.ts';

// Story 7: with "Flaky 503" on, two of every three requests to a URL fail. fetchwise retries with
// backoff (1 + 3 attempts at most), so reads, and a PATCH sent with an Idempotency-Key, succeed.
test('story 7: flaky 503s recover within the retry budget, reads and an idempotent PATCH alike', async ({ page, demo }) => {
  demo.allowStatuses(503);
  await demo.signIn(page);

  await page.getByRole('button', { name: 'Flaky 503: off' }).click();
  await expect(page.getByRole('button', { name: 'Flaky 503: on' })).toHaveAttribute('aria-pressed', 'true');
  const list = requests(page, 'GET', '/api/contacts').first();
  await expect(list.locator(tag('retry 2'))).toBeVisible();
  await expect(list).toHaveAttribute('data-status', 'done');

  await page.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'ready');
  await expect(requests(page, 'GET', '/api/contacts/2').first().locator(tag('retry 2'))).toBeVisible();
  await form(page).locator('input[name=phone]').fill('+1 202 555 0100');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'saved');
  const patch = requests(page, 'PATCH', '/api/contacts/2').first();
  await expect(patch).toHaveAttribute('data-http-status', '200');
  await expect(patch.locator(tag('retry 2'))).toBeVisible();
  await demo.shot(page, '7-flaky-recovered');

  const { stats } = await demo.control();
  expect(stats.statuses['GET /api/contacts']?.slice(-3)).toEqual([503, 503, 304]);
  expect(stats.statuses['PATCH /api/contacts/2']).toEqual([503, 503, 200]);

  await page.getByRole('button', { name: 'Flaky 503: on' }).click();
  await expect(page.getByRole('button', { name: 'Flaky 503: off' })).toHaveAttribute('aria-pressed', 'false');
});
