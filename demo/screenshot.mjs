// Re-creates demo/screenshot-network-panel.png (the README picture) from a running demo:
//   npm run demo            (in one terminal)
//   node demo/screenshot.mjs [http://127.0.0.1:5173]
// It plays a few stories in two tabs (304, a rate limit, flaky 503s, an expired session) and captures
// the first tab's network panel.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const button = (target, name) => target.getByRole('button', { name, exact: true });
const done = (selector) => page.locator(`.request${selector}[data-status=done]`).first().waitFor();

await fetch(`${base}/api/__reset`, { method: 'POST' });
await page.goto(`${base}/`);
await button(page, 'Sign in').click();
await page.locator('[data-testid=contact-table][data-status=ready]').waitFor();
const other = await context.newPage();
await other.goto(`${base}/`);
await other.locator('[data-testid=contact-table][data-status=ready]').waitFor();
await page.bringToFront();
await button(page, 'Clear').click();

await button(page, 'Revalidate').click();
await done('[data-http-status="304"]');
await button(page, 'Trigger a rate limit').click();
await done(':has([data-tag="retry 1"])');
await button(page, 'Flaky 503: off').click();
await done(':has([data-tag="retry 2"])');
await button(page, 'Flaky 503: on').click();
// The session expires; the other tab asks first and refreshes, this one reuses its token.
await fetch(`${base}/api/__control/expire-tokens`, { method: 'POST' });
await button(other, 'Revalidate').click();
await other.locator('.request[data-path="/api/auth/token"]').waitFor();
await button(page, 'Revalidate').click();
await done(':has([data-tag="refreshed in another tab"])');
await page.getByRole('link', { name: 'Ada Lovelace' }).click();
await page.locator('form.contact-form[data-status=ready]').waitFor();
await page.locator('input[name=email]').fill('not-an-email');
await button(page, 'Save').click();
await page.locator('form.contact-form[data-status=invalid]').waitFor();
await page.locator('input[name=email]').fill('ada@example.com');
await button(page, 'Save').click();
await page.locator('form.contact-form[data-status=saved]').waitFor();

// The panel down to its legend (it is as tall as the window).
const box = await page.getByTestId('network-panel').boundingBox();
const legend = await page.locator('.panel .legend').boundingBox();
const clip = { x: box.x, y: box.y, width: box.width, height: legend.y + legend.height + 12 - box.y };
await page.screenshot({ path: new URL('./screenshot-network-panel.png', import.meta.url).pathname, clip, animations: 'disabled' });
await browser.close();
