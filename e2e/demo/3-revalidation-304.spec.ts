import type { Page } from '@playwright/test';
import { expect, form, nextFrames, requests, table, tag, test } from './fixtures.ts';

// Story 3: a revalidation answered 304 resolves with the very same cached data, so the table does
// not render again: asserted with the table's render counter and a MutationObserver, no sleeps.
declare global {
  interface Window {
    tableMutations: number;
  }
}

async function observeTable(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.tableMutations = 0;
    const observer = new MutationObserver((records) => (window.tableMutations += records.length));
    observer.observe(document.querySelector('[data-testid="contact-table"]')!, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Clicks Revalidate and waits for its request to finish in the panel; returns that row's status. */
async function revalidate(page: Page): Promise<string | null> {
  const done = requests(page, 'GET', '/api/contacts').and(page.locator('[data-status="done"]')).first();
  const before = await done.getAttribute('data-request');
  await page.getByRole('button', { name: 'Revalidate' }).click();
  await expect(done).not.toHaveAttribute('data-request', before ?? '');
  await expect(page.locator('button[data-fetching]')).toHaveAttribute('data-fetching', 'no');
  await nextFrames(page);
  return done.getAttribute('data-http-status');
}

test('story 3: revalidation shows "304 cache hit" and the table does not re-render', async ({ page, demo }) => {
  await demo.signIn(page);
  await expect(page.locator('button[data-fetching]')).toHaveAttribute('data-fetching', 'no');
  await nextFrames(page);
  const renders = await table(page).getAttribute('data-renders');
  expect(Number(renders)).toBeGreaterThan(0);
  await observeTable(page);

  expect(await revalidate(page)).toBe('304');
  await expect(requests(page, 'GET', '/api/contacts').first().locator(tag('304 cache hit'))).toBeVisible();
  expect(await revalidate(page)).toBe('304');
  expect(await table(page).getAttribute('data-renders')).toBe(renders);
  expect(await page.evaluate(() => window.tableMutations)).toBe(0);
  await demo.shot(page, '3-304-cache-hit');

  // The counter does move when the data changes: another tab renames a contact, then revalidate.
  const other = await demo.open('/#/contacts/2');
  await form(other).locator('input[name=name]').fill('Grace Brewster Hopper');
  await form(other).getByRole('button', { name: 'Save' }).click();
  await expect(form(other)).toHaveAttribute('data-status', 'saved');
  await page.bringToFront();
  await page.getByRole('button', { name: 'Revalidate' }).click();
  await expect(table(page)).toContainText('Grace Brewster Hopper');
  expect(Number(await table(page).getAttribute('data-renders'))).toBeGreaterThan(Number(renders));
  expect(await page.evaluate(() => window.tableMutations)).toBeGreaterThan(0);
});
