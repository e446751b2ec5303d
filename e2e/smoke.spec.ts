import { expect, test } from '@playwright/test';

// The library running in real Chromium against the demo API: list, then a 422 rendered field by field.
test('the demo lists contacts and renders 422 field errors next to their inputs', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.locator('#contacts')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('#contacts li')).toHaveCount(2);

  await page.fill('input[name=name]', '');
  await page.fill('input[name=email]', 'not-an-email');
  await page.click('button[type=submit]');
  await expect(page.locator('[data-field=name]')).toHaveText('Name is required');
  await expect(page.locator('[data-field=email]')).toHaveText('Email must look like name@example.com');

  await page.fill('input[name=name]', 'Katherine Johnson');
  await page.fill('input[name=email]', 'katherine@example.com');
  await page.click('button[type=submit]');
  await expect(page.locator('#contacts li')).toHaveCount(3);
  await expect(page.locator('[data-field=email]')).toHaveText('');
  await page.screenshot({ path: 'test-results/smoke-contacts.png' });
  expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
});
