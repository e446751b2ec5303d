import { expect, test } from '@playwright/test';
import { startLibraryServer } from '../helpers/library-server.ts';

// R-REVALIDATE-HEADERS against the browser's own HTTP cache: revalidations now go out with fetch's
// `cache: 'no-cache'` (so that stock servers see `Cache-Control: max-age=0`, not `no-cache`). A 200
// fetched that way may be stored by Chromium; it must never answer a later revalidation in the
// server's place, however fresh its `max-age` says it is.
const script = `
import { createClient } from '/dist/index.js';
import { QueryClient } from '@tanstack/query-core';
const api = createClient({ baseUrl: location.origin });
const queryClient = new QueryClient();
window.step = async () => {
  const options = { ...api.queryOptions('/item'), staleTime: 0, structuralSharing: false };
  const before = queryClient.getQueryData(options.queryKey);
  await queryClient.fetchQuery(options);
  const after = queryClient.getQueryData(options.queryKey);
  return { version: after.version, same: before === after };
};
document.documentElement.dataset.status = 'ready';
`;

test('R-REVALIDATE-HEADERS: a revalidation 200 stored with max-age=3600 never answers the next revalidation for the server', async ({ page }) => {
  let version = 1;
  const log: string[] = [];
  const server = await startLibraryServer(script, (request, response) => {
    const etag = `"v${version}"`;
    const headers = { etag, 'content-type': 'application/json', 'cache-control': 'max-age=3600' };
    const conditional = request.headers['if-none-match'] !== undefined;
    if (request.headers['if-none-match'] === etag) {
      log.push(`304 v${version} ${request.headers['cache-control']}`);
      response.writeHead(304, headers).end();
    } else {
      log.push(`200 v${version} ${conditional ? request.headers['cache-control'] : 'unconditional'}`);
      response.writeHead(200, headers).end(JSON.stringify({ version }));
    }
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-status', 'ready');
    const step = () => page.evaluate(() => (window as unknown as { step(): Promise<{ version: number; same: boolean }> }).step());
    expect(await step()).toEqual({ version: 1, same: false });
    expect(await step()).toEqual({ version: 1, same: true });
    version = 2;
    expect(await step()).toEqual({ version: 2, same: false }); // a 200 to a conditional request: the browser may store it
    expect(await step()).toEqual({ version: 2, same: true }); // its stored copy does not turn the server's 304 into a 200
    version = 3;
    expect(await step()).toEqual({ version: 3, same: false }); // not the stored v2
    expect(await step()).toEqual({ version: 3, same: true });
    expect(log).toEqual(['200 v1 unconditional', '304 v1 max-age=0', '200 v2 max-age=0', '304 v2 max-age=0', '200 v3 max-age=0', '304 v3 max-age=0']);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});
