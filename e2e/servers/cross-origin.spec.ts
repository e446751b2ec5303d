import { expect, test, type Page } from '@playwright/test';
import type { CorsOptions } from 'cors';
import { RETAINED_304_HEADERS } from 'hono/etag';
import { startLibraryServer } from '../helpers/library-server.ts';
import { startExpress } from '../../tests/servers/start/express.ts';
import { startHono } from '../../tests/servers/start/hono.ts';
import { hasNginx, startNginx, staticJsonSite } from '../../tests/servers/start/nginx.ts';
import { contactPath } from '../../tests/servers/resource.ts';

// R-CORS-CONDITIONAL and R-REVALIDATE-HEADERS in Chromium, against stock servers on another origin than
// the page (another port of 127.0.0.1): with the CORS headers conditional requests need, and without.
const script = `
import { createClient } from '/dist/index.js';
import { QueryClient } from '@tanstack/query-core';
const warnings = [];
const warn = console.warn;
console.warn = (...args) => { warnings.push(String(args[0])); warn(...args); };
window.run = async (url, write) => {
  const api = createClient({ retry: { delay: 10, jitter: false } });
  const queryClient = new QueryClient();
  const options = { ...api.queryOptions(url), structuralSharing: false };
  const first = await queryClient.fetchQuery(options);
  const revalidations = [];
  for (let i = 0; i < 2; i++) {
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const state = queryClient.getQueryState(options.queryKey);
    revalidations.push({ status: state.status, same: state.data === first, error: state.error?.name ?? null });
  }
  let saved;
  try {
    await api.request(write, url, { json: { ...first, name: 'Saved from the page' } });
    saved = 'ok';
  } catch (error) {
    saved = error.name;
  }
  return { revalidations, saved, warnings: warnings.splice(0) };
};
document.documentElement.dataset.status = 'ready';
`;

interface Outcome {
  revalidations: { status: string; same: boolean; error: string | null }[];
  saved: string;
  warnings: string[];
}

async function runPage(page: Page, url: string, write: 'PATCH' | 'PUT'): Promise<Outcome> {
  const library = await startLibraryServer(script, (_request, response) => void response.writeHead(404).end());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(library.url);
    await expect(page.locator('html')).toHaveAttribute('data-status', 'ready');
    expect(new URL(url).origin).not.toBe(library.url);
    const outcome = await page.evaluate(([target, method]) => (window as unknown as { run(url: string, write: string): Promise<Outcome> }).run(target, method), [url, write] as const);
    expect(errors).toEqual([]);
    return outcome;
  } finally {
    await library.close();
  }
}

const corsWarning = (outcome: Outcome) => outcome.warnings.filter((message) => message.includes('Access-Control-Allow-Headers'));

/** Express with the `cors` middleware, and a log of what reached it (method and status). */
async function expressWithCors(cors: CorsOptions) {
  const log: string[] = [];
  const server = await startExpress({ cors, log });
  return { url: server.url + contactPath, log, close: () => server.close() };
}

test.describe('Express 5 + cors, cross-origin in Chromium', () => {
  test('R-CORS-CONDITIONAL: with If-None-Match and If-Match allowed, revalidations are 304s, each after its preflight', async ({ page }) => {
    const api = await expressWithCors({ allowedHeaders: ['Content-Type', 'Authorization', 'If-None-Match', 'If-Modified-Since', 'If-Match'], exposedHeaders: ['ETag'], maxAge: 600 });
    try {
      const outcome = await runPage(page, api.url, 'PATCH');
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: true, error: null },
        { status: 'success', same: true, error: null },
      ]);
      expect(outcome.saved).toBe('ok');
      expect(corsWarning(outcome)).toEqual([]);
      // Chromium 156 skips its preflight cache (Max-Age) for conditional requests: one preflight per
      // revalidation. The PATCH (no If-Match: Express's ETag is weak) reuses the cached preflight.
      expect(api.log).toEqual(['GET 200', 'OPTIONS 204', 'GET 304', 'OPTIONS 204', 'GET 304', 'PATCH 200']);
    } finally {
      await api.close();
    }
  });

  test('R-CORS-CONDITIONAL: with only Content-Type and Authorization allowed, a failed revalidation is sent once without conditions and the warning names the headers', async ({ page }) => {
    const api = await expressWithCors({ allowedHeaders: ['Content-Type', 'Authorization'], exposedHeaders: ['ETag'] });
    try {
      const outcome = await runPage(page, api.url, 'PATCH');
      // fresh data each time (a 200, so a new object), never a NetworkError
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: false, error: null },
        { status: 'success', same: false, error: null },
      ]);
      expect(outcome.saved).toBe('ok'); // Express's ETag is weak: the PATCH carries no If-Match, so CORS lets it through
      const told = corsWarning(outcome);
      expect(told).toHaveLength(1);
      for (const header of ['If-None-Match', 'If-Modified-Since', 'If-Match', 'Access-Control-Max-Age']) expect(told[0]).toContain(header);
      // each revalidation: the conditional attempt's preflight reaches the server, the GET never does; then at
      // once one plain GET (a query's attempt is one request; 0.1 retried the preflight 1 + 3 times first)
      const revalidation = ['OPTIONS 204', 'GET 200'];
      expect(api.log.slice(0, 5)).toEqual(['GET 200', ...revalidation, ...revalidation]);
    } finally {
      await api.close();
    }
  });
});

test.describe('Hono 4 + hono/cors + hono/etag, cross-origin in Chromium', () => {
  const allowed = { origin: '*', allowHeaders: ['Content-Type', 'Authorization', 'If-None-Match', 'If-Modified-Since', 'If-Match'], exposeHeaders: ['ETag'], maxAge: 600 };

  test("R-CORS-CONDITIONAL: hono/etag's default 304 drops the CORS headers, so the revalidation fails CORS and is sent once without conditions", async ({ page }) => {
    const log: string[] = [];
    const server = await startHono({ cors: allowed, log });
    try {
      const outcome = await runPage(page, server.url + contactPath, 'PATCH');
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: false, error: null },
        { status: 'success', same: false, error: null },
      ]);
      expect(corsWarning(outcome)).toHaveLength(1);
      // the server did answer 304 per revalidation: the browser threw it away (no CORS headers), then one plain GET
      const revalidation = ['OPTIONS 204', 'GET 304', 'GET 200'];
      expect(log.slice(0, 7)).toEqual(['GET 200', ...revalidation, ...revalidation]);
    } finally {
      await server.close();
    }
  });

  test('R-CORS-CONDITIONAL: with retainedHeaders keeping Access-Control-Allow-Origin and -Expose-Headers, revalidations are 304s', async ({ page }) => {
    const log: string[] = [];
    const server = await startHono({ cors: allowed, log, retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] });
    try {
      const outcome = await runPage(page, server.url + contactPath, 'PATCH');
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: true, error: null },
        { status: 'success', same: true, error: null },
      ]);
      expect(outcome.saved).toBe('ok');
      expect(corsWarning(outcome)).toEqual([]);
      expect(log).toEqual(['GET 200', 'OPTIONS 204', 'GET 304', 'OPTIONS 204', 'GET 304', 'OPTIONS 204', 'PATCH 200']);
    } finally {
      await server.close();
    }
  });
});

test.describe('nginx static JSON (gzip on), cross-origin in Chromium', () => {
  test.skip(!hasNginx() && process.env['FETCHWISE_SERVERS_REQUIRED'] !== '1', 'nginx is not installed (apt-get install nginx)');

  const rightCors = `
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers "ETag, Last-Modified" always;
      if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin *;
        add_header Access-Control-Allow-Methods "GET, PUT, DELETE, OPTIONS";
        add_header Access-Control-Allow-Headers "Content-Type, Authorization, If-None-Match, If-Modified-Since, If-Match";
        add_header Access-Control-Max-Age 600;
        return 204;
      }`;

  test('R-CORS-CONDITIONAL: with the preflight answered and ETag exposed, revalidations are 304s with no body', async ({ page }) => {
    const nginx = await startNginx([staticJsonSite(rightCors)]);
    try {
      const outcome = await runPage(page, `${nginx.urls[0]}${contactPath}`, 'PUT');
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: true, error: null },
        { status: 'success', same: true, error: null },
      ]);
      expect(outcome.saved).toBe('ok');
      expect(corsWarning(outcome)).toEqual([]);
      const log = await nginx.log();
      expect(log.map((line) => `${line.method} ${line.status}`)).toEqual(['GET 200', 'OPTIONS 204', 'GET 304', 'OPTIONS 204', 'GET 304', 'PUT 204']);
      expect(log.filter((line) => line.status === 304).map((line) => line.bodyBytesSent)).toEqual([0, 0]);
      // gzip made the 200's ETag weak: the PUT goes without If-Match, even after the 304s' strong ETag (R-304-VALIDATOR)
      expect(log.at(-1)?.ifMatch).toBe('');
    } finally {
      await nginx.close();
    }
  });

  test('R-CORS-CONDITIONAL: with the one-line add_header Access-Control-Allow-Origin *, the If-Modified-Since revalidation falls back to one plain GET', async ({ page }) => {
    const nginx = await startNginx([staticJsonSite('add_header Access-Control-Allow-Origin *;')]);
    try {
      const outcome = await runPage(page, `${nginx.urls[0]}${contactPath}`, 'PUT');
      expect(outcome.revalidations).toEqual([
        { status: 'success', same: false, error: null },
        { status: 'success', same: false, error: null },
      ]);
      // Last-Modified is visible, so fetchwise cannot tell that an ETag is hidden: the one warning says both
      const told = corsWarning(outcome);
      expect(told).toHaveLength(1);
      expect(told[0]).toContain('Access-Control-Expose-Headers: ETag');
      const log = await nginx.log();
      // ETag is hidden, Last-Modified is safelisted: If-Modified-Since goes out, and nginx answers the preflight 405
      const revalidation = ['OPTIONS 405', 'GET 200'];
      expect(log.slice(0, 5).map((line) => `${line.method} ${line.status}`)).toEqual(['GET 200', ...revalidation, ...revalidation]);
    } finally {
      await nginx.close();
    }
  });
});
