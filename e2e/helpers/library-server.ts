import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const types: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json' };

/**
 * The library's own entry points (package.json `exports`: `fetchwise` → `/dist/index.js`, `fetchwise/auth`
 * → `/dist/auth.js`, …) and its runtime dependencies and peers (kept external by the build), mapped to
 * their browser ES modules.
 */
export async function libraryImportMap(): Promise<{ imports: Record<string, string> }> {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, unknown>;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const imports: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const file = pick(target);
    if (!file?.endsWith('.js')) continue; // `./package.json`
    imports[subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`] = `/${file.replace(/^\.\//, '')}`;
  }
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const pkg = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, unknown>;
    const exported = pkg.exports;
    const dot = typeof exported === 'object' && exported !== null && '.' in exported ? (exported as Record<string, unknown>)['.'] : exported;
    const entry = pick(dot) ?? (pkg.module as string | undefined) ?? (pkg.main as string | undefined) ?? 'index.js';
    imports[name] = `/node_modules/${name}/${entry.replace(/^\.\//, '')}`;
  }
  return { imports };
}

/** The names in the map that are served from node_modules (the dependencies, not the library's own entries). */
export const nodeModules = (map: { imports: Record<string, string> }): string[] =>
  Object.entries(map.imports)
    .filter(([, path]) => path.startsWith('/node_modules/'))
    .map(([name]) => name);

/** The ES module a browser would load from an `exports` entry: `browser`, then `import`, then `default`. */
function pick(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const conditions = entry as Record<string, unknown>;
  for (const condition of ['browser', 'import', 'default']) {
    const found = pick(conditions[condition]);
    if (found) return found;
  }
  return undefined;
}

/** A page on 127.0.0.1 that loads the BUILT library (`dist/`) with an import map for its dependencies. */
const libraryPage = (map: unknown, script: string): string => `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<script>globalThis.process = { env: { NODE_ENV: 'development' } }; // what a bundler defines for query-core</script>
<script type="importmap">${JSON.stringify(map)}</script>
<script type="module">${script}</script>
`;

export type ApiHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves `/` (a page running `script`), the library and its dependencies as static files, and hands every
 * other request to `api`. Static files get `Cache-Control: no-store`, so only the API's own caching
 * headers are in play.
 */
export async function startLibraryServer(script: string, api: ApiHandler): Promise<{ url: string; close(): Promise<void> }> {
  const map = await libraryImportMap();
  const page = libraryPage(map, script);
  const staticPrefixes = ['/dist/', ...nodeModules(map).map((name) => `/node_modules/${name}/`)];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(page);
      return;
    }
    if (staticPrefixes.some((prefix) => path.startsWith(prefix))) {
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) return void response.writeHead(403).end();
      readFile(file).then(
        (body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
        () => response.writeHead(404).end(),
      );
      return;
    }
    api(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
