import { expect, test } from '@playwright/test';

// `npm run demo` serves three pages and the API on one URL; each page boots without an error.
// The stories themselves are in e2e/demo/.
for (const [framework, path] of [
  ['React', '/'],
  ['Vue', '/vue.html'],
  ['Svelte', '/svelte.html'],
] as const) {
  test(`smoke: the ${framework} page boots and offers to sign in`, async ({ page, request }) => {
    await request.post('/api/__reset');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(path);
    await expect(page.getByRole('button', { name: /^Sign in/ })).toBeVisible();
    expect((await request.get('/api/contacts')).status()).toBe(401); // the API is mounted, behind a token
    expect(errors).toEqual([]);
  });
}
