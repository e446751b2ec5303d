import { Hono } from 'hono';
import { chaos } from './chaos.ts';
import { recordStats, requireToken } from './http.ts';
import { authRoutes } from './routes/auth.ts';
import { batchRoutes } from './routes/batch.ts';
import { contactRoutes } from './routes/contacts.ts';
import { controlRoutes } from './routes/control.ts';
import { pageRoutes } from './routes/pages.ts';
import { createState, type DemoState } from './state.ts';

export type { Contact } from './state.ts';

/**
 * The demo API, mounted on `/api` of the Vite dev server (see `vite-plugin.ts`). One route file per
 * concern; hypermedia, pagination and 207 batch routes go beside these (`routes/batch.ts`, …).
 *
 * - `/api/auth/*`     sign-in, rotating refresh tokens, sign-out (no access token needed)
 * - `/api/contacts/*` the resource, behind a bearer token, the rate limit and the flaky 503 switch
 * - `/api/contacts/batch/:ids`, `/api/contacts/pages`  the 207 batch read and the HAL pages (same guards)
 * - `/api/__reset`, `/api/__control/*`  the demo's knobs, for the panel's buttons and the e2e specs
 */
export function createDemoApi(state: DemoState = createState()): Hono {
  const app = new Hono().basePath('/api');
  app.use('*', recordStats(state));
  app.route('/auth', authRoutes(state));
  app.route('/', controlRoutes(state));
  app.use('/contacts/*', requireToken(state), chaos(state)); // also matches /contacts itself
  // Before contactRoutes: its `GET /:id` would otherwise take `/contacts/pages`.
  app.route('/contacts', batchRoutes(state)); // GET /contacts/batch/1,2,99 → 207 multipart/mixed
  app.route('/contacts', pageRoutes(state)); // GET /contacts/pages?page=1&size=3 → HAL with _links.next
  app.route('/contacts', contactRoutes(state));
  return app;
}
