import { expect, form, requests, test } from './fixtures.ts';

// Story 4: the same contact edited in two tabs. The second save sends a stale If-Match and gets 412;
// fetchwise refetches the server's version and the form offers "reload / overwrite".
test('story 4: two tabs edit one contact: 412, then overwrite in one tab and reload in the other', async ({ page, context, demo }) => {
  demo.allowStatuses(412);
  await demo.signIn(page);
  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'ready');

  const [other] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open another tab' }).click()]);
  await expect(form(other)).toHaveAttribute('data-status', 'ready');

  // Tab A saves first.
  await form(page).locator('input[name=name]').fill('Ada King');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'saved');
  await expect(page.getByRole('heading', { name: /Ada King/ })).toContainText('version 2');

  // Tab B still holds version 1: its PATCH carries If-Match "c1-v1" and is refused.
  await other.bringToFront();
  await form(other).locator('input[name=email]').fill('ada@lovelace.dev');
  await form(other).getByRole('button', { name: 'Save' }).click();
  await expect(form(other)).toHaveAttribute('data-status', 'conflict');
  const conflict = other.locator('[data-conflict]');
  await expect(conflict.locator('[data-theirs="name"]')).toHaveText('Ada King'); // refetched by fetchwise after the 412
  await expect(requests(other, 'PATCH', '/api/contacts/1').first()).toHaveAttribute('data-http-status', '412');
  await demo.shot(other, '4-conflict-412');

  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(form(other)).toHaveAttribute('data-status', 'saved');
  await expect(other.getByRole('heading', { name: /Ada Lovelace/ })).toContainText('version 3');
  await expect(form(other).locator('input[name=email]')).toHaveValue('ada@lovelace.dev');

  // Tab A is now the stale one: it gets the 412 and takes the server's version.
  await page.bringToFront();
  await form(page).locator('input[name=phone]').fill('+44 20 7946 0000');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'conflict');
  await expect(page.locator('[data-conflict] [data-theirs="email"]')).toHaveText('ada@lovelace.dev');
  await page.getByRole('button', { name: 'Reload their version' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('[data-conflict]')).toHaveCount(0);
  await expect(form(page).locator('input[name=name]')).toHaveValue('Ada Lovelace');
  await expect(form(page).locator('input[name=email]')).toHaveValue('ada@lovelace.dev');
  await expect(page.getByRole('heading', { name: /Ada Lovelace/ })).toContainText('version 3');
  await demo.shot(page, '4-reloaded');
});
