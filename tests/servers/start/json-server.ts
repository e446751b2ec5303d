import jsonServer from 'json-server';
import { initialContact } from '../resource.ts';
import { listen, type StartedServer } from './listen.ts';

/** json-server 0.17 (Express 4 underneath) with its defaults (CORS, gzip), over an in-memory database. */
export function startJsonServer(): Promise<StartedServer> {
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false, static: '/nonexistent' }));
  app.use(jsonServer.router({ contacts: [initialContact()] }));
  return listen(app);
}
