import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent (`/items?page=2`). */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** True once the client closed the connection before the answer was sent (an aborted fetch). */
  aborted: boolean;
}

/** What the server answers. An object `body` is sent as JSON unless `content-type` says otherwise. */
export interface Reply {
  status?: number;
  statusText?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array | object | null;
  /** Waits this many ms before answering. */
  delay?: number;
  /** Drops the connection instead of answering (a network error for the client). */
  destroy?: boolean;
  /** Sends the headers and `body`, then never ends the response (a stalled body). */
  stall?: boolean;
  /** Sends the headers and `body`, then drops the connection (a body cut off mid-way). */
  cutBody?: boolean;
}

/** A fixed reply, a sequence (the n-th request gets the n-th reply, the last repeats), or a function. */
export type Route = Reply | Reply[] | ((request: RecordedRequest, index: number) => Reply | Promise<Reply>);

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request since the last `reset()`, in arrival order. */
  requests: RecordedRequest[];
  /** Answers `method path` (path without query; `*` for any method). Unrouted requests get 404. */
  route(method: string, path: string, route: Route): void;
  /** Requests received for `method path` (or all). */
  count(method?: string, path?: string): number;
  /** Forgets routes and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a real `node:http` server on 127.0.0.1, on a random port. One per test file. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      const method = req.method ?? 'GET';
      const recorded: RecordedRequest = { method, url, path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now(), aborted: false };
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      requests.push(recorded);
      const key = routes.has(`${method} ${path}`) ? `${method} ${path}` : `* ${path}`;
      const route = routes.get(key);
      const index = hits.get(key) ?? 0;
      hits.set(key, index + 1);
      void answer(res, route, recorded, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, route) {
      routes.set(`${method.toUpperCase()} ${path}`, route);
    },
    count(method, path) {
      return requests.filter((r) => (!method || r.method === method.toUpperCase()) && (!path || r.path === path)).length;
    },
    reset() {
      routes.clear();
      hits.clear();
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: ServerResponse, route: Route | undefined, request: RecordedRequest, index: number): Promise<void> {
  let reply: Reply;
  try {
    if (route === undefined) reply = { status: 404, body: { title: 'No route in the test server' } };
    else if (typeof route === 'function') reply = await route(request, index);
    else if (Array.isArray(route)) reply = route[Math.min(index, route.length - 1)] ?? { status: 500 };
    else reply = route;
  } catch (error) {
    reply = { status: 500, body: String(error) };
  }
  if (reply.delay) await new Promise((resolve) => setTimeout(resolve, reply.delay));
  if (reply.destroy) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = { ...reply.headers };
  let body: string | Uint8Array | undefined;
  if (reply.body === undefined || reply.body === null) body = undefined;
  else if (typeof reply.body === 'string' || reply.body instanceof Uint8Array) body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  res.writeHead(reply.status ?? 200, reply.statusText, headers);
  if (reply.stall || reply.cutBody) {
    if (body !== undefined) res.write(body);
    if (reply.cutBody) setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  res.end(body);
}

/**
 * The usual set-up in one line: a server started before the file's tests, reset before each test
 * and closed after them. `const server = useTestServer();`
 */
export function useTestServer(): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startServer();
  });
  beforeEach(() => current?.reset());
  afterAll(() => current?.close());
  const started = (): TestServer => {
    if (!current) throw new Error('useTestServer: the server starts in beforeAll; use it inside tests');
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    route: (method, path, route) => started().route(method, path, route),
    count: (method, path) => started().count(method, path),
    reset: () => started().reset(),
    close: () => started().close(),
  };
}
