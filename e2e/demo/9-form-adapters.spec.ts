import type { Page } from '@playwright/test';
import { expect, fieldError, form, test } from './fixtures.ts';

// Story 9: fetchwise/forms in each framework's form library: React Hook Form (setHookFormErrors),
// VeeValidate (setVeeValidateErrors) and TanStack Form for Svelte (tanstackFormErrors from
// onSubmitAsync). Contact 3 has no phone, so its form shows no phone input; the Laravel dialect puts
// "email or phone" on both fields. The email message lands under the email input, the phone message,
// for a field the form does not show, in the form's error area: nothing is lost.
const pages = [
  { framework: 'React', library: 'React Hook Form', path: '/#/contacts/3' },
  { framework: 'Vue', library: 'VeeValidate', path: '/vue.html#/contacts/3' },
  { framework: 'Svelte', library: 'TanStack Form', path: '/svelte.html#/contacts/3' },
];

async function signInOn(page: Page, framework: string, path: string) {
  await page.goto(path);
  if (framework === 'React') await page.locator('.login form').getByRole('button', { name: 'Sign in' }).click();
  else await page.getByRole('button', { name: 'Sign in as Ada' }).click();
  await expect(form(page)).toHaveAttribute('data-status', 'ready');
}

for (const { framework, library, path } of pages) {
  test(`story 9: ${framework} with ${library}: a server error for a field the form does not show lands in the form's error area`, async ({ page, demo }) => {
    demo.allowStatuses(422);
    await demo.settings({ validationDialect: 'laravel' });
    await signInOn(page, framework, path);
    await expect(form(page).locator('input[name=name]')).toHaveValue('Katherine Johnson');
    await expect(form(page).locator('input[name=phone]')).toHaveCount(0);

    await form(page).locator('input[name=email]').fill('');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect(form(page)).toHaveAttribute('data-status', 'invalid');
    await expect(fieldError(page, 'email')).toHaveText('The email field is required when phone is not present.');
    await expect(form(page).locator('input[name=email]')).toHaveAttribute('aria-invalid', 'true');
    await expect(fieldError(page, 'name')).toHaveCount(0);
    await expect(fieldError(page, 'phone')).toHaveCount(0);
    await expect(form(page).locator('[data-form-error]')).toHaveText(['phone: The phone field is required when email is not present.']);
    await expect(form(page).locator('.meta')).toHaveText('HTTP 422 · structural');
    // React Hook Form's shouldFocus: the first field with an error has the focus.
    if (framework === 'React') await expect(form(page).locator('input[name=email]')).toBeFocused();
    await demo.shot(page, `9-${framework.toLowerCase()}-unknown-field`);

    // The next answer replaces this one: a name error only, and nothing in the form's area.
    await form(page).locator('input[name=name]').fill('');
    await form(page).locator('input[name=email]').fill('katherine@nasa.gov');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect(form(page)).toHaveAttribute('data-status', 'invalid');
    await expect(fieldError(page, 'name')).toHaveText('The name field is required.');
    await expect(fieldError(page, 'email')).toHaveCount(0);
    await expect(form(page).locator('[data-form-error]')).toHaveCount(0);

    await form(page).locator('input[name=name]').fill('Katherine Johnson');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect(form(page)).toHaveAttribute('data-status', 'saved');
    await expect(fieldError(page, 'name')).toHaveCount(0);
    await expect(page.locator('[data-form-errors]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Katherine Johnson/ })).toContainText('version 2');
  });
}
