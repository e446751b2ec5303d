import { join } from 'node:path';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

/**
 * The demo specs' fixture. Before each test the demo API is reset (`POST /api/__reset`) and every
 * page of the test's browser context is watched: an uncaught exception or a console error fails the
 * test. The only console errors let through are Chromium's own "Failed to load resource: … status of
 * N" lines for the statuses a story provokes on purpose (`allowStatuses(401)` in the session story).
 */
export interface Demo {
  allowStatuses(...statuses: number[]): void;
  /** Opens `path` in a new tab of the same context (same session, Web Locks and BroadcastChannel). */
  open(path?: string): Promise<Page>;
  /** The sign-in form of the React page, then the contacts table. */
  signIn(page: Page): Promise<void>;
  /** The demo API's knobs and counters. */
  control(): Promise<ControlState>;
  settings(change: Record<string, unknown>): Promise<void>;
  /** A screenshot in `test-results/demo/`, attached to the report. */
  shot(page: Page, name: string): Promise<void>;
}

export interface ControlState {
  settings: Record<string, unknown>;
  stats: { refreshCalls: number; reuseDetected: number; graceReuses: number; requests: Record<string, number>; statuses: Record<string, number[]> };
}

const failedResource = /^Failed to load resource: the server responded with a status of (\d{3})/;

export const test = base.extend<{ demo: Demo }>({
  demo: async ({ page, context, request }, use, testInfo) => {
    expect((await request.post('/api/__reset')).status()).toBe(204);
    const errors: string[] = [];
    const allowed = new Set<number>();
    const watched = new WeakSet<Page>();
    const watch = (target: Page) => {
      if (watched.has(target)) return;
      watched.add(target);
      target.on('pageerror', (error) => errors.push(`pageerror: ${error.name}: ${error.message}`));
      target.on('console', (message) => {
        if (message.type() !== 'error') return;
        const status = failedResource.exec(message.text())?.[1];
        if (status !== undefined && allowed.has(Number(status))) return;
        errors.push(`console error: ${message.text()} (${message.location().url})`);
      });
    };
    watch(page);
    context.on('page', watch); // tabs opened later, including by the panel's "Open another tab"

    const demo: Demo = {
      allowStatuses: (...statuses) => statuses.forEach((status) => allowed.add(status)),
      async open(path = '/') {
        const tab = await context.newPage();
        watch(tab);
        await tab.goto(path);
        return tab;
      },
      async signIn(target) {
        await target.goto('/');
        const form = target.locator('.login form');
        await expect(form).toHaveAttribute('data-status', 'ready');
        await form.getByRole('button', { name: 'Sign in' }).click();
        await expect(table(target)).toHaveAttribute('data-status', 'ready');
      },
      control: async () => (await (await request.get('/api/__control')).json()) as ControlState,
      async settings(change) {
        expect((await request.patch('/api/__control/settings', { data: change })).ok()).toBe(true);
      },
      async shot(target, name) {
        const path = join(testInfo.project.outputDir, 'demo', `${name}.png`);
        await target.bringToFront(); // a background tab paints no frames to capture
        await target.screenshot({ path });
        await testInfo.attach(name, { path, contentType: 'image/png' });
      },
    };
    await use(demo);
    expect(errors, 'uncaught exceptions and console errors in the demo pages').toEqual([]);
  },
});

export { expect };

export const table = (page: Page): Locator => page.getByTestId('contact-table');
export const panel = (page: Page): Locator => page.getByTestId('network-panel');

/** Rows of the network panel for `METHOD path`, newest first. */
export const requests = (page: Page, method: string, path: string): Locator =>
  panel(page).locator(`.request[data-method="${method}"][data-path="${path}"]`);

export const tag = (text: string): string => `[data-tag="${text}"]`;

/** Lets React commit whatever is pending: two animation frames, not a timer. */
export const nextFrames = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** The edit form of any framework page. */
export const form = (page: Page): Locator => page.locator('form.contact-form');
export const fieldError = (page: Page, field: string): Locator => page.locator(`[data-field-error="${field}"]`);
