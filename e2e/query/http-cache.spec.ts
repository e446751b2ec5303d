import { expect, test } from '@playwright/test';
import { startLibraryServer } from '../helpers/library-server.ts';

// R-304 in a real browser: Chromium's own HTTP cache must never hide a 304 from the library nor
// answer for the server with stale data, whatever Cache-Control the API sends.
const script = `
import { createClient } from 'fetchwise';
import { QueryClient } from '@tanstack/query-core';
const api = createClient({ baseUrl: location.origin });
let queryClient = new QueryClient();
window.step = async (mode) => {
  if (mode === 'new-cache') queryClient = new QueryClient();
  const options = { ...api.queryOptions('/item'), staleTime: 0 };
  const before = queryClient.getQueryData(options.queryKey);
  await queryClient.fetchQuery(options);
  const after = queryClient.getQueryData(options.queryKey);
  return { version: after.version, same: before === after };
};
document.documentElement.dataset.status = 'ready';
`;

for (const cacheControl of ['no-cache', 'max-age=60', undefined]) {
  test(`R-304: with ${cacheControl ? `Cache-Control: ${cacheControl}` : 'no Cache-Control'} the server log and the page's data agree`, async ({ page: tab }) => {
    let version = 1;
    const log: string[] = [];
    const server = await startLibraryServer(script, (request, response) => {
      const etag = `"v${version}"`;
      const headers: Record<string, string> = { etag, 'content-type': 'application/json' };
      if (cacheControl) headers['cache-control'] = cacheControl;
      if (request.headers['if-none-match'] === etag) {
        log.push(`304 v${version}`);
        response.writeHead(304, headers).end();
      } else {
        log.push(`200 v${version}`);
        response.writeHead(200, headers).end(JSON.stringify({ version, padding: 'x'.repeat(2_000) }));
      }
    });
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    try {
      await tab.goto(server.url);
      await expect(tab.locator('html')).toHaveAttribute('data-status', 'ready');
      const step = (mode?: string) => tab.evaluate((m) => (window as unknown as { step(m?: string): Promise<{ version: number; same: boolean }> }).step(m), mode);

      expect(await step()).toEqual({ version: 1, same: false });
      expect(await step()).toEqual({ version: 1, same: true }); // revalidated: 304, the same object
      version = 2;
      expect(await step()).toEqual({ version: 2, same: false }); // changed: the new data, not a cached copy
      expect(await step()).toEqual({ version: 2, same: true });
      // an empty query cache asks the server again rather than the browser's cache
      expect(await step('new-cache')).toEqual({ version: 2, same: false });
      expect(log).toEqual(['200 v1', '304 v1', '200 v2', '304 v2', '200 v2']);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
}
