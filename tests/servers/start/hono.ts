import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { contactPath, initialContact } from '../resource.ts';
import { listen, type StartedServer } from './listen.ts';

/** Hono 4 with `hono/etag` at its defaults (strong SHA-1 ETags on GET, 304 on a match), on Node. */
export function startHono(): Promise<StartedServer> {
  const app = new Hono();
  app.use('*', etag());
  let contact = initialContact();
  app.get(contactPath, (c) => c.json(contact));
  app.patch(contactPath, async (c) => {
    contact = { ...contact, ...(await c.req.json<object>()) };
    return c.json(contact);
  });
  return listen(getRequestListener(app.fetch));
}
