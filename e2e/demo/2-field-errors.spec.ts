import type { Page } from '@playwright/test';
import { expect, fieldError, form, requests, tag, test } from './fixtures.ts';

// Story 2: the same edit form in React, Vue and Svelte renders a 422's field errors next to the
// right inputs and its form-level errors above, whatever the API's error dialect; a response that
// fails the schema renders through the same code.
const pages = [
  { framework: 'React', path: '/#/contacts/1' },
  { framework: 'Vue', path: '/vue.html#/contacts/1' },
  { framework: 'Svelte', path: '/svelte.html#/contacts/1' },
];

async function signInOn(page: Page, framework: string, path: string) {
  await page.goto(path);
  if (framework === 'React') await page.locator('.login form').getByRole('button', { name: 'Sign in' }).click();
  else await page.getByRole('button', { name: 'Sign in as Ada' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'ready');
}

async function save(page: Page, values: Record<string, string>, status: string) {
  for (const [name, value] of Object.entries(values)) await form(page).locator(`input[name=${name}]`).fill(value);
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveAttribute('data-status', status);
}

for (const { framework, path } of pages) {
  test(`story 2: ${framework} renders 422 field and form errors (problem+json, then Laravel)`, async ({ page, demo }) => {
    demo.allowStatuses(422);
    await signInOn(page, framework, path);

    await save(page, { name: '', email: 'not-an-email' }, 'invalid');
    await expect(fieldError(page, 'name')).toHaveText('Name is required');
    await expect(fieldError(page, 'email')).toHaveText('Email must look like name@example.com');
    await expect(fieldError(page, 'phone')).toHaveCount(0);
    await expect(form(page).locator('input[name=name]')).toHaveAttribute('aria-invalid', 'true');
    await expect(form(page).locator('.meta')).toHaveText('HTTP 422 · structural · name_required');
    await demo.shot(page, `2-${framework.toLowerCase()}-field-errors`);

    await save(page, { name: 'Ada', email: '', phone: '' }, 'invalid');
    await expect(form(page).locator('[data-form-error]')).toHaveText(['Give at least an email or a phone number']);
    await expect(fieldError(page, 'name')).toHaveCount(0);

    await demo.settings({ validationDialect: 'laravel' });
    await save(page, { name: '', email: 'not-an-email' }, 'invalid');
    await expect(fieldError(page, 'name')).toHaveText('The name field is required.');
    await expect(fieldError(page, 'email')).toHaveText('The email field must be a valid email address.');
    await expect(form(page).locator('.meta')).toHaveText('HTTP 422 · structural');

    await save(page, { name: 'Ada Lovelace', email: 'ada@example.com' }, 'saved');
    await expect(fieldError(page, 'name')).toHaveCount(0);
  });
}

test('story 2: React switches dialects from the panel, and a malformed response renders like a 422', async ({ page, demo }) => {
  demo.allowStatuses(422);
  await signInOn(page, 'React', '/#/contacts/1');
  const dialect = page.locator('select[name=validationDialect]');

  await dialect.selectOption('seed-001');
  await expect.poll(async () => (await demo.control()).settings['validationDialect']).toBe('seed-001');
  await save(page, { name: '', email: '', phone: '' }, 'invalid');
  await expect(fieldError(page, 'name')).toHaveText('Parameter [name] is required');
  await expect(form(page).locator('[data-form-error]')).toHaveText(['Contact must have an email or a phone number']);
  await expect(form(page).locator('.meta')).toHaveText('HTTP 422 · structural · CMN-102');
  await demo.shot(page, '2-react-seed-001');

  await dialect.selectOption('laravel');
  await expect.poll(async () => (await demo.control()).settings['validationDialect']).toBe('laravel');
  await save(page, { name: 'Ada' }, 'invalid');
  await expect(fieldError(page, 'email')).toHaveText('The email field is required when phone is not present.');
  await expect(fieldError(page, 'phone')).toHaveText('The phone field is required when email is not present.');

  // The server saves, but answers with `email: 42`: a ResponseShapeError, rendered by the same code.
  await page.locator('input[name=malformedWrites]').click();
  await expect(page.locator('input[name=malformedWrites]')).toBeChecked();
  await expect.poll(async () => (await demo.control()).settings['malformedWrites']).toBe(true);
  await save(page, { name: 'Ada Lovelace', email: 'ada@example.com' }, 'invalid');
  await expect(fieldError(page, 'email')).toHaveText('Invalid input: expected string, received number');
  await expect(form(page).locator('[data-form-errors]')).toHaveAttribute('data-form-errors', 'shape');
  await expect(form(page).locator('.summary')).toHaveText('The server answered 200, but its body does not match the schema.');
  const patch = requests(page, 'PATCH', '/api/contacts/1').first();
  await expect(patch).toHaveAttribute('data-http-status', '200');
  await expect(patch.locator(tag('body failed the schema'))).toBeVisible();
  await demo.shot(page, '2-react-response-shape');
});
