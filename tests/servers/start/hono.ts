import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { contactPath, initialContact } from '../resource.ts';
import { listen, type StartedServer } from './listen.ts';

export interface HonoOptions {
  /** Adds `hono/cors` before `hono/etag`, as a cross-origin API would. */
  cors?: Parameters<typeof cors>[0];
  /** `hono/etag`'s `retainedHeaders` (default: its RETAINED_304_HEADERS, which strip CORS headers from a 304). */
  retainedHeaders?: string[];
  /** Collects `METHOD status` of every request that reached the app. */
  log?: string[];
}

/** Hono 4 with `hono/etag` at its defaults (strong SHA-1 ETags on GET, 304 on a match), on Node. */
export function startHono(options: HonoOptions = {}): Promise<StartedServer> {
  const app = new Hono();
  const { log } = options;
  if (log) {
    app.use('*', async (c, next) => {
      await next();
      log.push(`${c.req.method} ${c.res.status}`);
    });
  }
  if (options.cors) app.use('*', cors(options.cors));
  app.use('*', etag(options.retainedHeaders ? { retainedHeaders: options.retainedHeaders } : {}));
  let contact = initialContact();
  app.get(contactPath, (c) => c.json(contact));
  app.patch(contactPath, async (c) => {
    contact = { ...contact, ...(await c.req.json<object>()) };
    return c.json(contact);
  });
  return listen(getRequestListener(app.fetch));
}
