// Headless Chromium for the benchmarks: Debian's /usr/bin/chromium where it exists (CHROMIUM_PATH
// overrides), Playwright's own browser otherwise.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium() {
  const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
  const browser = await chromium.launch({ headless: true, args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
  return { browser, executablePath: executablePath ?? 'playwright chromium', version: browser.version() };
}
