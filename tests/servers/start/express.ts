import cors, { type CorsOptions } from 'cors';
import express from 'express';
import { contactPath, initialContact } from '../resource.ts';
import { listen, type StartedServer } from './listen.ts';

/**
 * Stock Express 5: `res.json`, Express's own weak ETags and its `fresh` check, nothing configured.
 * `cors` adds the `cors` middleware, as a cross-origin API would use it; `log` collects `METHOD status`
 * of every request that reached the app.
 */
export function startExpress(options: { cors?: CorsOptions; log?: string[] } = {}): Promise<StartedServer> {
  const app = express();
  const { log } = options;
  if (log) {
    app.use((request, response, next) => {
      response.on('finish', () => log.push(`${request.method} ${response.statusCode}`));
      next();
    });
  }
  if (options.cors) app.use(cors(options.cors));
  let contact = initialContact();
  app.get(contactPath, (_request, response) => {
    response.json(contact);
  });
  app.patch(contactPath, express.json(), (request, response) => {
    contact = { ...contact, ...(request.body as object) };
    response.json(contact);
  });
  return listen(app);
}
