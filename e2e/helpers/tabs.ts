import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { AuthApi, Session } from '../../src/auth/index.ts';
import type { ClientWithAuth } from '../../src/index.ts';

/** A harness client: made with `auth`, so `client.auth` is the session API. */
type Client = ClientWithAuth<AuthApi>;
import type { AuthServer } from './auth-server.ts';

/** The page's `window.harness` (e2e/helpers/auth-harness.js), as the specs call it. */
export interface Harness {
  make(options?: Record<string, unknown>): Client;
  create(options?: Record<string, unknown>): boolean;
  session(): Promise<Session>;
  login(): Promise<string>;
  token(): string | undefined;
  burst(count: number, path?: string, startAt?: number): Promise<BurstResult[]>;
  start(count: number, path?: string): boolean;
  collect(): Promise<BurstResult[]>;
  events: string[];
  expired: number;
  client: Client;
}

export interface BurstResult {
  ok: boolean;
  error?: string;
  ms: number;
}

declare global {
  interface Window {
    harness: Harness;
  }
}

export interface Tabs {
  context: BrowserContext;
  pages: Page[];
  /** Uncaught errors of any page (`pageerror`): a spec fails when this is not empty. */
  errors: string[];
  open(): Promise<Page>;
  close(): Promise<void>;
}

/** The library under test is the built one: `npm test` builds before `test:browser`. */
export function assertBuilt(): void {
  for (const file of ['index.js', 'auth.js']) {
    if (!existsSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` before the browser tests (npm test does)`);
    }
  }
}

/** Opens `count` pages of the test page in one browser context (they share Web Locks, BroadcastChannel, IndexedDB). */
export async function openTabs(browser: Browser, server: AuthServer, count: number, init?: () => void): Promise<Tabs> {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  const errors: string[] = [];
  const pages: Page[] = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.status !== undefined, undefined, { timeout: 10_000 });
    const status = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    if (status.status !== 'ready') throw new Error(`the test page could not load the library (${status.error}); is dist/ built?`);
    pages.push(page);
    return page;
  };
  await Promise.all(Array.from({ length: count }, open));
  return { context, pages, errors, open, close: () => context.close() };
}

/** Creates a client in every page with the same options. */
export function createClients(pages: Page[], options: Record<string, unknown> = {}): Promise<unknown[]> {
  return Promise.all(pages.map((page) => page.evaluate((o) => window.harness.create(o), options)));
}

/** Signs in in the first page and waits until every page holds that token (handed over by the library). */
export async function signIn(pages: Page[]): Promise<string> {
  const [first] = pages;
  if (!first) throw new Error('no pages');
  const token = await first.evaluate(() => window.harness.login());
  await Promise.all(pages.map((page) => page.waitForFunction((t) => window.harness.token() === t, token)));
  return token;
}

/** Every page sends `perTab` requests at the same moment. */
export async function burstAll(pages: Page[], perTab: number, path = '/data', onStart?: (startAt: number) => void): Promise<BurstResult[][]> {
  const startAt = Date.now() + 150;
  onStart?.(startAt);
  return Promise.all(pages.map((page) => page.evaluate(([n, p, at]) => window.harness.burst(n, p, at), [perTab, path, startAt] as const)));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
