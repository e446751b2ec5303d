// Runs inside headless Chromium (bundled by bench/overhead.js with esbuild, query-core included).
// Every client gets the same stubbed in-memory `fetch`, which builds a new Response per call, so only
// library code (and the Response/JSON work every client has to do) is timed.
import { QueryClient } from '@tanstack/query-core';
import axios from 'axios';
import ky from 'ky';
import { createFetch } from 'ofetch';
import { createClient } from '../../src/index.ts';

const origin = 'https://api.example.test';
const url = `${origin}/todos/1`;
const etag = '"v1-5a8c"';
// ~1.6 KB of JSON: one resource with a nested list, as an SPA detail view would load it.
const resource = {
  id: 1,
  title: 'Plan the release',
  owner: { id: 7, name: 'Ada Lovelace', email: 'ada@example.test' },
  tags: ['release', 'planning', 'q4'],
  items: Array.from({ length: 12 }, (_, i) => ({ id: i + 1, text: `Checklist item number ${i + 1}`, done: i % 3 === 0, updatedAt: '2026-11-22T05:00:00Z' })),
};
const okBody = JSON.stringify(resource);
const okHeaders = { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' };
const problemBody = JSON.stringify({
  type: 'https://api.example.test/problems/validation',
  title: 'Your request is not valid',
  status: 422,
  detail: '2 fields are invalid',
  errors: [
    { pointer: '/title', detail: 'must not be empty' },
    { pointer: '/owner/email', detail: 'must be an email address' },
  ],
});
const problemHeaders = { 'content-type': 'application/problem+json' };

let mode = 'ok';
const counts = { 200: 0, 304: 0, 422: 0 };
const ifNoneMatch = (input, init) => (input instanceof Request ? input.headers.get('if-none-match') : new Headers(init?.headers).get('if-none-match'));

/** The stubbed fetch: 'ok' → 200 JSON with an ETag; 'problem' → 422 problem+json; 'conditional' → 304 when If-None-Match matches. */
function stub(input, init) {
  if (mode === 'problem') {
    counts[422]++;
    return Promise.resolve(new Response(problemBody, { status: 422, headers: problemHeaders }));
  }
  if (mode === 'conditional' && ifNoneMatch(input, init) === etag) {
    counts[304]++;
    return Promise.resolve(new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-cache' } }));
  }
  counts[200]++;
  return Promise.resolve(new Response(okBody, { status: 200, headers: okHeaders }));
}

// Each client as a user would set it up, with its defaults, fetch injected.
const kyClient = ky.create({ fetch: stub });
// Reference: ky as fetchwise configures its engine (retry: 0, since fetchwise owns the retry loop), so
// the table shows what fetchwise adds on top of its engine and what ky's default retry costs.
const kyLean = ky.create({ fetch: stub, retry: 0 });
const ofetchClient = createFetch({ fetch: stub });
const axiosClient = axios.create({ adapter: 'fetch', env: { fetch: stub } });
const fw = createClient({ baseUrl: origin, fetch: stub });

const raw = {
  get: () =>
    stub(url).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    }),
  post: (json) =>
    stub(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }).then(async (r) => {
      if (!r.ok) throw Object.assign(new Error(`HTTP ${r.status}`), { status: r.status, problem: await r.json() });
      return r.json();
    }),
};

const invalid = { title: '', owner: { email: 'nope' } };

/** What each client does per case; `check` validates the outcome once, before timing. */
const clients = {
  raw: {
    get: raw.get,
    queryFn: () => raw.get(),
    problem: () => raw.post(invalid).catch((e) => e),
    checkProblem: (e) => e.status === 422 && e.problem.errors.length === 2,
  },
  ky: {
    get: () => kyClient.get(url).json(),
    queryFn: ({ signal }) => kyClient.get(url, { signal }).json(),
    problem: () => kyClient.post(url, { json: invalid }).json().catch((e) => e),
    checkProblem: (e) => e.response?.status === 422 && e.data?.errors?.length === 2,
  },
  'ky-retry0': {
    get: () => kyLean.get(url).json(),
    queryFn: ({ signal }) => kyLean.get(url, { signal }).json(),
    problem: () => kyLean.post(url, { json: invalid }).json().catch((e) => e),
    checkProblem: (e) => e.response?.status === 422 && e.data?.errors?.length === 2,
  },
  ofetch: {
    get: () => ofetchClient(url),
    queryFn: ({ signal }) => ofetchClient(url, { signal }),
    problem: () => ofetchClient(url, { method: 'POST', body: invalid }).catch((e) => e),
    checkProblem: (e) => e.status === 422 && e.data?.errors?.length === 2,
  },
  axios: {
    get: () => axiosClient.get(url).then((r) => r.data),
    queryFn: ({ signal }) => axiosClient.get(url, { signal }).then((r) => r.data),
    problem: () => axiosClient.post(url, invalid).catch((e) => e),
    checkProblem: (e) => e.response?.status === 422 && e.response.data?.errors?.length === 2,
  },
  fetchwise: {
    get: () => fw.get('/todos/1'),
    problem: () => fw.post('/todos/1', { json: invalid }).catch((e) => e),
    checkProblem: (e) => e.name === 'ValidationError' && e.status === 422 && Object.keys(e.problem.fieldErrors).length === 2,
  },
};

/**
 * Revalidation through TanStack Query: one query fetched once, then `refetchQueries` per iteration.
 * fetchwise uses `queryOptions` (If-None-Match → 304 → the cached object); the others have no 304
 * handling, so their hand-written `queryFn` gets the same 200 again.
 */
function revalidation(name) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  // The hand-written queryFn a user of a plain client writes.
  const options = name === 'fetchwise' ? fw.queryOptions('/todos/1') : { queryKey: ['todos', 1], queryFn: clients[name].queryFn };
  const filter = { queryKey: options.queryKey, exact: true };
  return {
    mode: name === 'fetchwise' ? 'conditional' : 'ok',
    setup: () => queryClient.fetchQuery(options),
    run: () => queryClient.refetchQueries(filter, { throwOnError: true }),
    data: () => queryClient.getQueryData(options.queryKey),
  };
}

const cases = {};
for (const name of Object.keys(clients)) {
  cases[`get/${name}`] = { mode: 'ok', run: clients[name].get };
  cases[`problem/${name}`] = { mode: 'problem', run: clients[name].problem, check: clients[name].checkProblem };
  cases[`revalidate/${name}`] = revalidation(name);
}

/**
 * Times `n` sequential requests of one case, one by one (the page is cross-origin isolated, so
 * `performance.now()` has 5 µs resolution rather than 100 µs), appending µs to `into`.
 */
async function block(c, n, into) {
  mode = c.mode;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await c.run();
    into.push((performance.now() - start) * 1000);
  }
}

/** Sets up every case and checks each client really did what the case says. */
async function prepare() {
  const report = {};
  for (const [id, c] of Object.entries(cases)) {
    mode = c.mode;
    if (c.setup) await c.setup();
    const before = { ...counts };
    const result = await c.run();
    const delta = Object.fromEntries(Object.keys(counts).map((k) => [k, counts[k] - before[k]]));
    if (c.check && !c.check(result)) throw new Error(`${id}: unexpected outcome ${String(result)}`);
    if (id.startsWith('get/') && result?.id !== 1) throw new Error(`${id}: unexpected data`);
    if (id.startsWith('revalidate/')) {
      const before304 = c.data();
      await c.run();
      if (id === 'revalidate/fetchwise' && (counts[304] === before[304] || c.data() !== before304)) {
        throw new Error('revalidate/fetchwise: no 304 or the data object changed');
      }
    }
    report[id] = delta;
  }
  return report;
}

/**
 * One round: `cycles` passes over every case in the given order, `perBlock` requests each time, so a
 * hiccup of the machine hits all cases alike. Returns the µs of every request, per case.
 */
async function round(order, cycles, perBlock) {
  const out = Object.fromEntries(order.map((id) => [id, []]));
  for (let cycle = 0; cycle < cycles; cycle++) {
    for (const id of order) await block(cases[id], perBlock, out[id]);
  }
  return out;
}

window.bench = { prepare, round, cases: Object.keys(cases), counts, isolated: () => globalThis.crossOriginIsolated };
