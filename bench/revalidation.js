// Part 3: revalidation over a real loopback server (node:http on 127.0.0.1), in Node.
// 100 unchanged JSON resources with ETags, fetched once and then refetched through TanStack Query
// (`QueryClient.refetchQueries`): fetchwise `queryOptions` against plain ky with a hand-written queryFn.
// Node's fetch has no HTTP cache, so what the server sends is what the library gets.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib/size.js';
import { median } from './lib/stats.js';

const resources = 100;

function makeBody(id) {
  // A few KB of JSON per resource (~3 KB), like a detail view's payload.
  const body = {
    id,
    title: `Resource ${id}`,
    owner: { id: id % 7, name: `Owner ${id % 7}`, email: `owner${id % 7}@example.test` },
    items: Array.from({ length: 24 }, (_, i) => ({ id: i, text: `Line ${i} of resource ${id}, unchanged`, done: (i + id) % 2 === 0, at: '2026-11-22T05:00:00Z' })),
  };
  const text = JSON.stringify(body);
  return { text, etag: `"${createHash('sha1').update(text).digest('base64url').slice(0, 16)}"` };
}

async function startServer() {
  const bodies = Array.from({ length: resources }, (_, id) => makeBody(id));
  const counters = { requests: 0, s200: 0, s304: 0, bodyBytes: 0, conditional: 0 };
  const sockets = new Set();
  let closedWire = 0;
  const server = createServer((req, res) => {
    const id = Number(/^\/items\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    const resource = bodies[id];
    counters.requests++;
    if (!resource) return void res.writeHead(404).end();
    const headers = { etag: resource.etag, 'cache-control': 'no-cache', 'content-type': 'application/json' };
    const inm = req.headers['if-none-match'];
    if (inm !== undefined) counters.conditional++;
    if (inm === resource.etag) {
      counters.s304++;
      return void res.writeHead(304, headers).end();
    }
    counters.s200++;
    const buffer = Buffer.from(resource.text);
    counters.bodyBytes += buffer.length;
    res.writeHead(200, { ...headers, 'content-length': String(buffer.length) }).end(buffer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedWire += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const wire = () => closedWire + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    resourceBytes: bodies.reduce((sum, b) => sum + b.text.length, 0),
    snapshot: () => ({ ...counters, wireBytes: wire() }),
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

const delta = (after, before) => Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

/** The built library (dist/, as published) and the peers, imported the way an app would. */
async function clients(baseUrl) {
  const { createClient } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  const { default: ky } = await import('ky');
  const fw = createClient({ baseUrl });
  const kyApi = ky.create({ prefix: baseUrl });
  return {
    fetchwise: (id) => fw.queryOptions(`/items/${id}`),
    ky: (id) => ({ queryKey: ['items', id], queryFn: ({ signal }) => kyApi.get(`items/${id}`, { signal }).json() }),
  };
}

export async function runRevalidation({ rounds = 25, log = () => {} } = {}) {
  const { QueryClient } = await import('@tanstack/query-core');
  const server = await startServer();
  try {
    const make = await clients(server.url);
    const names = ['ky', 'fetchwise'];
    // Warm-up, discarded: connections, JIT, both libraries loaded.
    for (const name of names) {
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      await Promise.all(Array.from({ length: resources }, (_, id) => queryClient.fetchQuery(make[name](id))));
      await queryClient.refetchQueries();
      queryClient.clear();
    }
    const state = {};
    for (const name of names) {
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: 0 } } });
      const options = Array.from({ length: resources }, (_, id) => make[name](id));
      const before = server.snapshot();
      const start = performance.now();
      await Promise.all(options.map((o) => queryClient.fetchQuery(o)));
      const first = { ...delta(server.snapshot(), before), ms: performance.now() - start };
      state[name] = { queryClient, options, first, refetches: [] };
    }
    // Rounds alternate which client goes first; each refetch is all 100 queries at once.
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 ? [...names].reverse() : names) {
        const { queryClient, options, refetches } = state[name];
        const dataBefore = options.map((o) => queryClient.getQueryData(o.queryKey));
        const before = server.snapshot();
        const start = performance.now();
        await queryClient.refetchQueries({ type: 'all' }, { throwOnError: true });
        const ms = performance.now() - start;
        const sameObjects = options.filter((o, i) => queryClient.getQueryData(o.queryKey) === dataBefore[i]).length;
        refetches.push({ ...delta(server.snapshot(), before), ms, sameObjects });
      }
      log(`  round ${r + 1}/${rounds}`);
    }
    const rows = names.map((name) => {
      const { first, refetches } = state[name];
      const last = refetches.at(-1);
      return {
        client: name === 'ky' ? 'ky + hand-written queryFn' : 'fetchwise queryOptions',
        id: name,
        first: { requests: first.requests, bodyBytes: first.bodyBytes, wireBytes: first.wireBytes, ms: first.ms },
        refetch: {
          requests: last.requests,
          status200: last.s200,
          status304: last.s304,
          conditionalRequests: last.conditional,
          bodyBytes: last.bodyBytes,
          wireBytes: median(refetches.map((x) => x.wireBytes)),
          medianMs: median(refetches.map((x) => x.ms)),
          msPerRound: refetches.map((x) => x.ms),
          sameDataObjects: last.sameObjects,
          bodyBytesEveryRound: refetches.map((x) => x.bodyBytes),
        },
      };
    });
    const fw = rows.find((r) => r.id === 'fetchwise');
    const kyRow = rows.find((r) => r.id === 'ky');
    return {
      resources,
      resourceBytes: server.resourceBytes,
      rounds,
      rows,
      // Median over rounds of (fetchwise refetch time / ky refetch time in the same round).
      timeRatioToKy: median(fw.refetch.msPerRound.map((ms, i) => ms / kyRow.refetch.msPerRound[i])),
      target: { target: '0 body bytes on the refetch with fetchwise', value: Math.max(...fw.refetch.bodyBytesEveryRound), met: fw.refetch.bodyBytesEveryRound.every((b) => b === 0) },
    };
  } finally {
    await server.close();
  }
}
