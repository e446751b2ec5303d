import { expect, test } from '@playwright/test';
import { startLibraryServer } from '../helpers/library-server.ts';

// Issue 14 / R-ONE-RETRIER in a real browser: a query that fails, then loses the network mid-retry,
// pauses (TanStack's retryer, which runs fetchwise's policy) instead of burning its retries offline,
// and goes on when the network is back.
const script = `
import { createClient } from 'fetchwise';
import { QueryClient, QueryObserver } from '@tanstack/query-core';
const api = createClient({ baseUrl: location.origin, retry: { delay: 400, jitter: false } });
const queryClient = new QueryClient();
queryClient.mount();
window.states = [];
window.start = () => {
  const observer = new QueryObserver(queryClient, api.queryOptions('/report'));
  observer.subscribe((r) => window.states.push({ status: r.status, fetchStatus: r.fetchStatus, failureCount: r.failureCount, reason: r.failureReason?.name ?? null }));
};
window.current = () => window.states.at(-1);
document.documentElement.dataset.status = 'ready';
`;

test('R-ONE-RETRIER: offline mid-retry, the query pauses and resumes on reconnect', async ({ page, context }) => {
  let requests = 0;
  const server = await startLibraryServer(script, (_request, response) => {
    requests++;
    if (requests === 1) response.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Busy' }));
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows: 42 }));
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-status', 'ready');
    type State = { status: string; fetchStatus: string; failureCount: number; reason: string | null };
    const current = () => page.evaluate(() => (window as unknown as { current(): State | undefined }).current());
    await page.evaluate(() => (window as unknown as { start(): void }).start());
    await expect.poll(current).toMatchObject({ failureCount: 1, reason: 'ServiceUnavailableError' });
    await context.setOffline(true);
    // The retry is due after 400 ms; offline, the retryer pauses instead of failing with NetworkErrors.
    await expect.poll(current, { timeout: 5_000 }).toMatchObject({ fetchStatus: 'paused', status: 'pending' });
    await page.waitForTimeout(1_000);
    expect(await current()).toMatchObject({ fetchStatus: 'paused', failureCount: 1 });
    expect(requests).toBe(1);
    await context.setOffline(false);
    await expect.poll(current, { timeout: 5_000 }).toMatchObject({ status: 'success', fetchStatus: 'idle' });
    expect(requests).toBe(2);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});
