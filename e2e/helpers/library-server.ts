import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const staticPrefixes = ['/dist/', '/node_modules/ky/', '/node_modules/@tanstack/query-core/'];
const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

/** A page on 127.0.0.1 that loads the BUILT library (`dist/`) with an import map for its dependencies. */
export const libraryPage = (script: string): string => `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<script>globalThis.process = { env: { NODE_ENV: 'development' } }; // what a bundler defines for query-core</script>
<script type="importmap">{"imports":{"ky":"/node_modules/ky/distribution/index.js","@tanstack/query-core":"/node_modules/@tanstack/query-core/build/modern/index.js"}}</script>
<script type="module">${script}</script>
`;

export type ApiHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves `/` (the given page), the library and its dependencies as static files, and hands every
 * other request to `api`. Static files get `Cache-Control: no-store`, so only the API's own caching
 * headers are in play.
 */
export async function startLibraryServer(page: string, api: ApiHandler): Promise<{ url: string; close(): Promise<void> }> {
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
