import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryImportMap, nodeModules } from './library-server.ts';

/**
 * An identity provider and API for the cross-tab auth tests, on 127.0.0.1 (a secure context, so the
 * pages have Web Locks) at a random port. It also serves a page that loads the built library.
 *
 * - Access tokens are short-lived and can all be expired at once (`expireAccessTokens`).
 * - Refresh tokens rotate on use; presenting a used one is reuse: the whole session is revoked.
 * - R-REFRESH-CRASH: a refresh whose answer died with its tab is recoverable only by a provider rule;
 *   `recovery` picks one: `'grace'` accepts a used refresh token again for `graceMs` (a rotation
 *   overlap period), `'on-delivery'` rotates only once the answer was written to an open connection.
 */
export interface AuthServerConfig {
  refreshDelay: number;
  /** `'reject'`: every refresh answers 400 invalid_grant. */
  refreshMode: 'ok' | 'reject';
  recovery: 'strict' | 'grace' | 'on-delivery';
  graceMs: number;
  accessTtl: number;
}

export interface AuthStats {
  /** Refresh requests received. */
  refreshCalls: number;
  /** Used refresh tokens presented outside any grace: each revoked a session. */
  reuseDetected: number;
  /** Used refresh tokens accepted inside the grace period. */
  graceReuses: number;
  /** Refresh answers that could not be delivered (the tab had gone). */
  undelivered: number;
  /** Requests per API path. */
  api: Record<string, number>;
  /** The `Authorization` header of each request the other origin received (`null`: none). */
  otherOrigin: Array<string | null>;
  /** `Authorization` header of each `/api/data` request, in order. */
  dataTokens: Array<string | null>;
  /** When each refresh request arrived and was answered (epoch ms). */
  refreshLog: Array<{ start: number; end?: number }>;
}

export interface AuthServer {
  url: string;
  /** Another origin (another port), which must never see a token unless configured. */
  otherUrl: string;
  config: AuthServerConfig;
  stats: AuthStats;
  configure(config: Partial<AuthServerConfig>): void;
  /** Zeroes the stats and restores the default config. */
  reset(): void;
  /** Every access token issued so far stops working: the next requests get 401. */
  expireAccessTokens(): void;
  /** Resolves once `count` refresh requests have arrived. */
  refreshStarted(count: number): Promise<void>;
  /** The next refresh request is answered only after the returned function is called (plus `refreshDelay`). */
  holdNextRefresh(): () => void;
  close(): Promise<void>;
}

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const defaults: AuthServerConfig = { refreshDelay: 0, refreshMode: 'ok', recovery: 'strict', graceMs: 10_000, accessTtl: 60_000 };
const types: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };
const page = (map: unknown) => `<!doctype html>
<meta charset="utf-8">
<title>fetchwise auth</title>
<script type="importmap">${JSON.stringify(map)}</script>
<script type="module">
  import('/harness.js').then(
    () => (document.documentElement.dataset.status = 'ready'),
    (error) => Object.assign(document.documentElement.dataset, { status: 'error', error: String(error) }),
  );
</script>
`;

export async function startAuthServer(): Promise<AuthServer> {
  const families = new Map<string, { revoked: boolean }>();
  const refreshTokens = new Map<string, { family: string; usedAt?: number }>();
  const accessTokens = new Map<string, { family: string; expiresAt: number; epoch: number }>();
  let epoch = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  let hold: Promise<void> | undefined;
  const config: AuthServerConfig = { ...defaults };
  const map = await libraryImportMap();
  const dependencies = nodeModules(map);
  const html = page(map);
  const stats: AuthStats = emptyStats();
  const token = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

  const issue = (family: string) => {
    const accessToken = token('at');
    const refreshToken = token('rt');
    const expiresAt = Date.now() + config.accessTtl;
    accessTokens.set(accessToken, { family, expiresAt, epoch });
    refreshTokens.set(refreshToken, { family });
    return { accessToken, refreshToken, expiresAt };
  };
  const validAccess = (header: string | undefined) => {
    const entry = accessTokens.get(/^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? '');
    return entry !== undefined && entry.epoch === epoch && Date.now() < entry.expiresAt && !families.get(entry.family)?.revoked;
  };
  const sendSession = (res: ServerResponse, session: ReturnType<typeof issue>, mode: string) => {
    if (mode === 'cookie') {
      res.setHeader('set-cookie', `rt=${session.refreshToken}; HttpOnly; Path=/auth; SameSite=Strict`);
      json(res, 200, { accessToken: session.accessToken, expiresAt: session.expiresAt });
    } else json(res, 200, session);
  };

  async function refresh(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.refreshCalls++;
    const logEntry: { start: number; end?: number } = { start: Date.now() };
    stats.refreshLog.push(logEntry);
    res.on('finish', () => {
      logEntry.end = Date.now();
    });
    for (const waiter of waiters.filter((w) => stats.refreshCalls >= w.count)) waiter.resolve();
    waiters = waiters.filter((w) => stats.refreshCalls < w.count);
    let closed = false;
    res.on('close', () => {
      closed = !res.writableFinished;
    });
    const held = hold;
    hold = undefined;
    const cookie = /(?:^|;\s*)rt=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const mode = cookie ? 'cookie' : 'body';
    const presented = cookie ?? (safeJson(body) as { refreshToken?: string }).refreshToken ?? '';
    const entry = refreshTokens.get(presented);
    const family = entry && families.get(entry.family);
    const wait = async () => {
      await held;
      await sleep(config.refreshDelay);
    };
    const reject = async () => {
      await wait();
      if (!closed) json(res, 400, { error: 'invalid_grant' });
    };
    if (!entry || !family || family.revoked || config.refreshMode === 'reject') return reject();
    if (entry.usedAt !== undefined) {
      if (config.recovery === 'grace' && Date.now() - entry.usedAt <= config.graceMs) stats.graceReuses++;
      else {
        stats.reuseDetected++;
        family.revoked = true;
        return reject();
      }
    }
    if (config.recovery === 'on-delivery') {
      await wait();
      if (closed || res.destroyed) {
        stats.undelivered++; // not rotated: the token presented stays valid
        return;
      }
      entry.usedAt = Date.now();
      return sendSession(res, issue(entry.family), mode);
    }
    entry.usedAt ??= Date.now();
    const session = issue(entry.family);
    await wait();
    if (closed || res.destroyed) stats.undelivered++;
    else sendSession(res, session, mode);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    if (route === 'GET /harness.js') return serveFile(res, join(root, 'e2e/helpers/auth-harness.js'));
    if (req.method === 'GET' && (url.pathname.startsWith('/dist/') || dependencies.some((name) => url.pathname.startsWith(`/node_modules/${name}/`)))) {
      return serveFile(res, join(root, normalize(url.pathname)));
    }
    if (route === 'POST /auth/login') {
      const family = token('family');
      families.set(family, { revoked: false });
      return sendSession(res, issue(family), url.searchParams.get('mode') ?? 'body');
    }
    if (route === 'POST /auth/refresh') return refresh(req, res, body);
    if (url.pathname.startsWith('/api/')) {
      stats.api[url.pathname] = (stats.api[url.pathname] ?? 0) + 1;
      const authorization = req.headers.authorization;
      if (url.pathname === '/api/data') stats.dataTokens.push(authorization ?? null);
      const ok = url.pathname !== '/api/always-401' && validAccess(authorization); // judged on arrival
      await sleep(Number(url.searchParams.get('delay') ?? 0));
      return ok ? json(res, 200, { ok: true }) : json(res, 401, { title: 'Unauthorized' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    json(res, 404, { title: 'Not Found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { title: String(error) });
    });
  });
  // The other origin: CORS open, so the page can call it; records whether a token came along.
  const other = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, accept, content-type' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    stats.otherOrigin.push(req.headers.authorization ?? null);
    json(res, 200, { ok: true }, cors);
  });
  const [url, otherUrl] = await Promise.all([listen(server), listen(other)]);
  return {
    url,
    otherUrl,
    config,
    stats,
    configure: (next) => Object.assign(config, next),
    reset() {
      Object.assign(config, defaults);
      Object.assign(stats, emptyStats());
    },
    expireAccessTokens: () => void epoch++,
    holdNextRefresh() {
      let release = () => undefined as void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    refreshStarted: (count) =>
      stats.refreshCalls >= count ? Promise.resolve() : new Promise<void>((resolve) => void waiters.push({ count, resolve })),
    async close() {
      for (const s of [server, other]) s.closeAllConnections();
      await Promise.all([server, other].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

function emptyStats(): AuthStats {
  return { refreshCalls: 0, reuseDetected: 0, graceReuses: 0, undelivered: 0, api: {}, otherOrigin: [], dataTokens: [], refreshLog: [] };
}

async function serveFile(res: ServerResponse, path: string): Promise<void> {
  if (!path.startsWith(root)) return json(res, 403, { title: 'Forbidden' });
  try {
    const content = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
  } catch {
    json(res, 404, { title: `Not Found: ${path.slice(root.length)}${path.includes('/dist/') ? ' (run npm run build first)' : ''}` });
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) ?? {};
  } catch {
    return {};
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
