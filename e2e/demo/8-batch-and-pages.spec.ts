import { expect, requests, table, test } from './fixtures.ts';

// Story 8: a batch read answered 207 Multi-Status (multipart/mixed), one row per id with the typed
// error of a missing one; then the contacts page by page through HAL `_links.next`.
test('story 8: a 207 batch with a missing id, and paging until there is no next link', async ({ page, demo }) => {
  await demo.signIn(page);

  // Batch: 1 and 2 exist, 99 does not. One request, three entries.
  const batch = page.getByTestId('batch');
  await batch.getByLabel('ids').fill('1, 2, 99');
  await batch.getByRole('button', { name: 'Get all' }).click();
  await expect(batch).toHaveAttribute('data-status', 'ready');
  const rows = batch.locator('tr[data-batch-entry]');
  await expect(rows).toHaveCount(3);
  await expect(rows.and(page.locator('[data-ok="yes"]'))).toHaveCount(2);
  await expect(batch.locator('tr[data-batch-entry="1"]')).toContainText('Ada Lovelace');
  await expect(batch.locator('tr[data-batch-entry="2"]')).toContainText('Grace Hopper');
  const missing = batch.locator('tr[data-batch-entry="99"]');
  await expect(missing).toHaveAttribute('data-ok', 'no');
  await expect(missing).toHaveAttribute('data-http-status', '404');
  await expect(missing).toContainText('Not Found');
  await expect(missing).toContainText('There is no contact 99');
  await expect(requests(page, 'GET', '/api/contacts/batch/1,2,99').first()).toHaveAttribute('data-http-status', '207');
  expect((await demo.control()).stats.requests['GET /api/contacts/batch/1,2,99']).toBe(1);
  await demo.shot(page, '8-batch-207');

  // Pages: two contacts a page, "Load more" until the page without `next`.
  await page.getByRole('link', { name: 'Pages', exact: true }).click();
  const pages = page.getByTestId('contact-pages');
  const loadMore = pages.getByRole('button', { name: 'Load more' });
  await expect(pages).toHaveAttribute('data-status', 'more');
  await expect(pages.locator('tbody tr')).toHaveCount(2);
  await loadMore.click();
  await expect(pages.locator('tbody tr')).toHaveCount(4);
  await expect(pages).toHaveAttribute('data-status', 'more');
  await loadMore.click();
  await expect(pages.locator('tbody tr')).toHaveCount(5);
  await expect(pages).toHaveAttribute('data-status', 'all');
  await expect(loadMore).toHaveCount(0);
  await expect(pages.locator('[data-pages-done]')).toHaveText('All loaded: 3 pages.');
  // Same contacts, same order as the full list.
  await expect(pages.locator('tbody tr[data-page="3"]')).toContainText('Radia Perlman');
  for (const n of [1, 2, 3]) {
    await expect(requests(page, 'GET', n === 1 ? '/api/contacts/pages?size=2' : `/api/contacts/pages?page=${n}&size=2`).first()).toHaveAttribute('data-http-status', '200');
  }
  await demo.shot(page, '8-pages-all-loaded');

  await page.getByRole('link', { name: '← Contacts' }).click();
  await expect(table(page).locator('tbody tr')).toHaveCount(5);
});
