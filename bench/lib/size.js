// Bundle-size measurement shared by `npm run bench` (part 1) and `bench/size-budget.mjs` (npm test).
// Every entry is bundled by esbuild with the same settings; fetchwise is bundled from its source
// (src/index.ts, through the `fetchwise` alias), so the metafile can say which module the bytes come from.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const api = 'https://api.example.com';

/** The settings every entry gets: minified, tree-shaken, browser, ESM, dependencies bundled in. */
export const settings = {
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/** `@tanstack/query-core` is a peer dependency of fetchwise: the app already has it, so it is external wherever it is imported. */
const queryCore = ['@tanstack/query-core'];

/** The package's entry points, bundled from source. */
export const subpaths = ['auth', 'hal', 'batch', 'poll', 'dialects', 'forms'];

/**
 * The entries. `external` lists what is left out of that entry's bundle. `target` is issue 12's goal
 * (gzip -9 bytes), which `npm run bench` reports as met or missed; `budget` is what `npm test` enforces
 * (bench/size-budget.mjs): the size measured when it was last set plus ~1%, so any regression fails CI.
 * Lower a budget whenever the size drops; raise one only with a commit that says what the bytes buy.
 */
export const entries = [
  {
    id: 'fetchwise-minimal',
    label: 'createClient + get + fieldErrors',
    target: 15_500,
    budget: 22_470,
    external: queryCore,
    code: `import { createClient, fieldErrors } from 'fetchwise';
const client = createClient({ baseUrl: '${api}' });
export const load = () => client.get('/todos').catch((e) => fieldErrors(e));`,
  },
  {
    id: 'fetchwise-query',
    label: '+ queryOptions + mutationOptions + guards',
    target: 16_500,
    budget: 22_550,
    external: queryCore,
    code: `import { createClient, fieldErrors, isHttpError, isValidationError, isPreconditionFailedError } from 'fetchwise';
const client = createClient({ baseUrl: '${api}' });
export const load = () => client.get('/todos').catch((e) => fieldErrors(e));
export const todos = client.queryOptions('/todos');
export const addTodo = client.mutationOptions('POST', '/todos');
export { isHttpError, isValidationError, isPreconditionFailedError };`,
  },
  {
    id: 'fetchwise-full',
    label: '+ fetchwise/auth',
    target: 23_000,
    budget: 29_530,
    external: queryCore,
    code: `import { createClient, fieldErrors, isHttpError, isValidationError, isPreconditionFailedError } from 'fetchwise';
import { createAuth } from 'fetchwise/auth';
const client = createClient({
  baseUrl: '${api}',
  auth: createAuth({ refresh: async ({ session }) => (await fetch('/auth/refresh', { method: 'POST', body: session?.refreshToken })).json() }),
});
export const load = () => client.get('/todos').catch((e) => fieldErrors(e));
export const todos = client.queryOptions('/todos');
export const addTodo = client.mutationOptions('POST', '/todos');
export const signIn = (session) => client.auth.setSession(session);
export { isHttpError, isValidationError, isPreconditionFailedError };`,
  },
  {
    id: 'fetchwise-everything',
    label: 'every export of every entry point',
    target: 28_000,
    budget: 38_310,
    external: queryCore,
    code: [`export * from 'fetchwise';`, ...subpaths.map((name) => `export * as ${name} from 'fetchwise/${name}';`)].join('\n'),
  },
  { id: 'ky', label: 'ky', code: `import ky from 'ky';\nexport const load = () => ky.get('${api}/todos').json();` },
  { id: 'ofetch', label: 'ofetch', code: `import { ofetch } from 'ofetch';\nexport const load = () => ofetch('${api}/todos');` },
  { id: 'wretch', label: 'wretch', code: `import wretch from 'wretch';\nexport const load = () => wretch('${api}/todos').get().json();` },
  { id: 'axios', label: 'axios', code: `import axios from 'axios';\nexport const load = () => axios.get('${api}/todos').then((r) => r.data);` },
  {
    id: 'axios-cache',
    label: 'axios + axios-cache-interceptor',
    code: `import axios from 'axios';
import { setupCache } from 'axios-cache-interceptor';
const api = setupCache(axios.create());
export const load = () => api.get('${api}/todos').then((r) => r.data);`,
  },
  {
    id: 'query-core',
    label: '(reference) @tanstack/query-core QueryClient',
    reference: true,
    code: `export { QueryClient } from '@tanstack/query-core';`,
  },
];

export const entry = (id) => {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`no bundle entry ${id}`);
  return found;
};

/** The source of entry point `fetchwise/<name>`. */
export const entryFile = (name) => (name === 'dialects' ? 'src/problem/dialects/index.ts' : `src/${name}/index.ts`);

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotliSize = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

/** Bundles one entry; returns min / gzip (-9) / brotli (q11) bytes and the per-input byte counts. */
export async function measure(e) {
  const result = await build({
    ...settings,
    stdin: { contents: e.code, resolveDir: root, sourcefile: `bench-entry-${e.id}.js`, loader: 'js' },
    alias: {
      fetchwise: join(root, 'src/index.ts'),
      ...Object.fromEntries(subpaths.map((name) => [`fetchwise/${name}`, join(root, entryFile(name))])),
    },
    external: e.external ?? [],
    plugins: e.plugins ?? [],
    outfile: join(root, 'node_modules/.cache/fetchwise-bench', `${e.id}.js`),
  });
  const [output] = result.outputFiles;
  const bytes = output.contents;
  const metaOut = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(metaOut.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: normalizeInput(path), bytes: bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    id: e.id,
    label: e.label,
    external: e.external ?? [],
    reference: Boolean(e.reference),
    min: bytes.length,
    gzip: gzipSize(bytes),
    brotli: brotliSize(bytes),
    inputs,
    code: bytes,
  };
}

function normalizeInput(path) {
  const rel = relative(root, join(root, path)).replaceAll('\\', '/');
  return rel.startsWith('..') ? path : rel;
}

/** Groups input files: their folder under src/, or the npm package for node_modules. */
export function groupOf(path) {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `${nm[1]} (dependency)`;
  // A source file's folder (src/problem/dialects/ apart from src/problem/).
  if (path.startsWith('src/')) return path.includes('/', 4) ? path.slice(0, path.lastIndexOf('/') + 1) : path;
  return '(entry)';
}

/**
 * Per-module breakdown of one bundle: minified bytes per group and per file, with an estimate of the
 * gzip share (minified bytes × the bundle's gzip/min ratio; gzip cannot be attributed exactly).
 */
export function breakdown(measured) {
  const ratio = measured.gzip / measured.min;
  const groups = new Map();
  for (const input of measured.inputs) {
    const key = groupOf(input.path);
    const group = groups.get(key) ?? { group: key, bytes: 0, files: 0 };
    group.bytes += input.bytes;
    group.files += 1;
    groups.set(key, group);
  }
  const total = measured.inputs.reduce((sum, i) => sum + i.bytes, 0);
  const rows = [...groups.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .map((g) => ({ ...g, share: g.bytes / total, gzipEstimate: Math.round(g.bytes * ratio) }));
  const files = measured.inputs.map((i) => ({ ...i, share: i.bytes / total }));
  return { totalMinInputs: total, groups: rows, files };
}

export const packageVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/**
 * Issue 13: what the default error-body reader (the structural normaliser) adds to an app's bundle. The
 * minimal scenario is bundled twice, as shipped and with `src/problem/default-dialects.ts` exporting no
 * reader; the difference is what an app pays for it (code it shares with the rest, such as `paths.ts`,
 * is not counted twice). `target` is the issue's; `budget` is enforced by bench/size-budget.mjs.
 */
export const normaliserCost = { label: 'default normaliser, added to createClient + get', target: 1_500, budget: 1_360 };

export async function measureNormaliserCost(scenario = entry('fetchwise-minimal')) {
  const noReader = {
    name: 'no-default-reader',
    setup(b) {
      b.onLoad({ filter: /src[\\/]problem[\\/]default-dialects\.ts$/ }, () => ({ contents: 'export const defaultDialects = [];', loader: 'ts' }));
    },
  };
  const shipped = await measure(scenario);
  const without = await measure({ ...scenario, id: `${scenario.id}-no-reader`, plugins: [noReader] });
  return { ...normaliserCost, shipped: shipped.gzip, without: without.gzip, value: shipped.gzip - without.gzip };
}
