import etag from '@fastify/etag';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { contactPath, initialContact } from '../resource.ts';
import type { StartedServer } from './listen.ts';

/** Fastify 5 with `@fastify/etag` at its defaults (strong sha1 ETags, 304 on a match). */
export async function startFastify(): Promise<StartedServer> {
  const app = Fastify();
  await app.register(etag);
  let contact = initialContact();
  app.get(contactPath, async () => contact);
  app.patch(contactPath, async (request) => {
    contact = { ...contact, ...(request.body as object) };
    return contact;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
