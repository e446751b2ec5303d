// Before/after figures for issue 10 (R-LINEAR outside problem bodies, R-FOLLOW-ONCE, R-POLL-FLOOR, multipart).
//   node bench/hostile-figures.mjs [srcDir]    srcDir defaults to ./src; pass an exported old tree to compare
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const src = resolve(process.argv[2] ?? 'src');
const out = join(mkdtempSync(join(tmpdir(), 'fw-fig-')), 'index.mjs');
await build({ entryPoints: [join(src, 'index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', nodePaths: [resolve('node_modules')] });
const { createClient, parseLinkHeader } = await import(out);
const { QueryClient } = await import('@tanstack/query-core');

const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  counts[`${req.method} ${path}`] = (counts[`${req.method} ${path}`] ?? 0) + 1;
  const route = routes[`${req.method} ${path}`];
  const reply = route ? route(req) : { status: 404 };
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
let counts = {};
let routes = {};
const reset = (r) => {
  counts = {};
  routes = r;
};
const time = async (fn) => {
  const t = performance.now();
  await fn();
  return +(performance.now() - t).toFixed(1);
};
const figures = {};

// Item 2: followLocation against a GET that always answers 503 / 401.
reset({ 'POST /items': () => ({ status: 201, headers: { location: '/items/1' } }), 'GET /items/1': () => ({ status: 503 }) });
await createClient({ baseUrl: base, retry: { delay: 1, jitter: false } }).post('/items', { json: {}, followLocation: true, idempotencyKey: true }).catch(() => undefined);
figures['follow 503 (POST with Idempotency-Key): POSTs, GETs'] = [counts['POST /items'], counts['GET /items/1']];
reset({ 'POST /items': () => ({ status: 201, headers: { location: '/items/1' } }), 'GET /items/1': () => ({ status: 401 }) });
const authed = createClient({ baseUrl: base, retry: false, auth: { channel: 'fig', refresh: async () => ({ accessToken: `t${Math.random()}` }) } });
await authed.auth.setSession({ accessToken: 'first' });
await authed.post('/items', { json: {}, followLocation: true }).catch(() => undefined);
figures['follow 401 with auth: POSTs, GETs'] = [counts['POST /items'], counts['GET /items/1']];
await authed.auth.dispose();

// Item 4: poll with interval 1000 for 2 s.
for (const [label, header] of [['Retry-After: 0', '0'], ['past date', new Date(Date.now() - 3600_000).toUTCString()], ['none', undefined]]) {
  reset({ 'GET /job': () => ({ status: 202, headers: { location: '/job', ...(header ? { 'retry-after': header } : {}) } }) });
  await createClient({ baseUrl: base }).poll('/job', { interval: 1000, maxWait: 2000 }).catch(() => undefined);
  figures[`poll 2 s, interval 1000, ${label}: GETs`] = counts['GET /job'];
}

// Item 1: URL and header parsers.
const stub = (status) => async () => new Response(status === 204 ? null : '{}', { status });
figures['baseUrl "/" × 60,000 then "x": ms'] = await time(() => createClient({ baseUrl: `http://a.test/${'/'.repeat(60_000)}x` }));
const writer = createClient({ baseUrl: 'http://a.test', queryClient: new QueryClient(), fetch: stub(204) });
figures['DELETE /items + "/" × 60,000 + "x" (parentOf): ms'] = await time(() => writer.delete(`/items${'/'.repeat(60_000)}x`));
figures['Link <a>; x × 33,000: ms'] = await time(() => parseLinkHeader(`<a>${'; x'.repeat(33_000)}`, base));
figures['Link <a>, × 20,000: ms'] = await time(() => parseLinkHeader('<a>, '.repeat(20_000), base));
const failing = createClient({ baseUrl: 'http://a.test', retry: false, fetch: stub(404) });
figures['redaction, 10,000 secret params: ms'] = await time(() => failing.get(`/x?${Array.from({ length: 10_000 }, (_, i) => `t${i}_token=1`).join('&')}`).catch(() => undefined));

// Item 11: one 8 MB and one 32 MB part in a 207 batch.
for (const mb of (process.env.MB ?? "8,32").split(",").map(Number)) {
  const boundary = 'b0undary';
  const manifest = JSON.stringify({ response: [{ status: 200 }] });
  const big = JSON.stringify({ blob: 'x'.repeat(mb * 1024 * 1024) });
  const body = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${manifest}\r\n--${boundary}\r\nContent-Type: application/json\r\n\r\n${big}\r\n--${boundary}--\r\n`;
  reset({ 'GET /batch': () => ({ status: 207, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` }, body }) });
  let outcome = '';
  const ms = await time(async () => {
    const started = performance.now();
    try {
      const entries = await createClient({ baseUrl: base, timeout: 120_000, retry: false }).batch('/batch');
      outcome = entries.map((e) => (e.ok ? `ok ${e.data.blob.length}` : e.error.name)).join(',');
    } catch (error) {
      outcome = `${error.name} ${error.status ?? ""} ${error.message?.slice(0, 80)} after ${(performance.now() - started).toFixed(0)} ms`;
    }
  });
  figures[`207 with one ${mb} MB part: ms (outcome)`] = `${ms} (${outcome})`;
}

server.close();
for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${JSON.stringify(value)}`);
