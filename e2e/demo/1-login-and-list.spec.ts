import { expect, fieldError, form, panel, requests, table, test } from './fixtures.ts';

// Story 1: sign in (errors first), the list, a create answered 201 + Location with no body, and a
// DELETE of a contact another tab already deleted (404, which fetchwise resolves as "already gone").
test('story 1: sign in, list, create (201 + Location) and delete twice (404 = already gone)', async ({ page, demo }) => {
  demo.allowStatuses(400, 401, 404); // wrong password, missing username, the second DELETE
  await page.goto('/');
  const login = page.locator('.login form');
  await expect(login).toHaveAttribute('data-status', 'ready');

  await page.fill('#login-password', 'wrong');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.locator('[data-form-error]')).toHaveText('Invalid resource owner credentials.');
  await expect(login.locator('.meta')).toHaveText('HTTP 401 · structural · OAU-140');
  await page.fill('#login-username', '');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(fieldError(page, 'username')).toHaveText('Parameter [username] is required');
  await demo.shot(page, '1-sign-in-errors');

  await page.fill('#login-username', 'ada@example.com');
  await page.fill('#login-password', 'lovelace');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(table(page)).toHaveAttribute('data-status', 'ready');
  await expect(table(page).locator('tbody tr')).toHaveCount(5);
  await expect(requests(page, 'POST', '/api/auth/login').first()).toHaveAttribute('data-http-status', '200');
  await expect(panel(page).locator('[data-session-event="signed-in"][data-source="this-tab"]')).toHaveCount(1);
  await demo.shot(page, '1-contacts');

  // Create: 201 with a Location and no body; followLocation fetches the new contact from there.
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.fill('input[name=name]', 'Mary Jackson');
  await page.fill('input[name=email]', 'mary@example.com');
  await form(page).getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/#\/contacts\/6$/);
  await expect(page.getByRole('heading', { name: /Mary Jackson/ })).toBeVisible();
  await expect(requests(page, 'POST', '/api/contacts').first()).toHaveAttribute('data-http-status', '201');
  await expect(requests(page, 'GET', '/api/contacts/6').first()).toHaveAttribute('data-http-status', '200');

  // Another tab has the same contact open (the session comes along: storage 'local').
  const other = await demo.open('/#/contacts/6');
  await expect(form(other)).toHaveAttribute('data-status', 'ready');

  await form(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('[data-deleted]')).toHaveAttribute('data-deleted', 'deleted');
  await form(other).getByRole('button', { name: 'Delete' }).click();
  await expect(other.locator('[data-deleted]')).toHaveAttribute('data-deleted', 'already-gone');
  await expect(requests(other, 'DELETE', '/api/contacts/6').first()).toHaveAttribute('data-http-status', '404');
  await demo.shot(other, '1-already-deleted');

  await page.getByRole('link', { name: '← Contacts' }).click();
  await expect(table(page).locator('tbody tr')).toHaveCount(5);
});
