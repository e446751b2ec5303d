import { Hono } from 'hono';
import { resetState, validationDialects, type DemoState, type Settings } from '../state.ts';

/**
 * The demo's own knobs, used by the network panel's buttons and by the e2e specs. Not part of the
 * API an app would call: nothing here needs a token.
 */
export function controlRoutes(state: DemoState): Hono {
  const app = new Hono();

  /** Back to the seeded contacts, default settings, no sessions (the e2e specs call it before each test). */
  app.post('/__reset', (c) => {
    resetState(state);
    return c.body(null, 204);
  });

  app.get('/__control', (c) => c.json({ settings: state.settings, stats: state.stats, rateLimit: state.rateLimit }, 200, { 'cache-control': 'no-store' }));

  app.patch('/__control/settings', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as Partial<Settings>;
    const next = { ...state.settings, ...input };
    if (!validationDialects.includes(next.validationDialect)) return c.json({ message: `unknown dialect ${String(next.validationDialect)}` }, 400);
    if (!(Number.isInteger(next.accessTtl) && next.accessTtl >= 2 && next.accessTtl <= 3600)) return c.json({ message: 'accessTtl: 2 to 3600 s' }, 400);
    state.settings = {
      validationDialect: next.validationDialect,
      accessTtl: next.accessTtl,
      refreshDelay: Math.max(0, Math.min(5_000, Number(next.refreshDelay) || 0)),
      reuseGraceMs: Math.max(0, Number(next.reuseGraceMs) || 0),
      flaky: Boolean(next.flaky),
      malformedWrites: Boolean(next.malformedWrites),
    };
    if (!state.settings.flaky) state.flakyCounters.clear();
    return c.json(state.settings);
  });

  /** "Expire session now": every access token stops working; the next request of each tab gets a 401. */
  app.post('/__control/expire-tokens', (c) => {
    state.tokens.expireAccessTokens();
    return c.body(null, 204);
  });

  /** "Trigger a rate limit": the next `requests` contacts requests answer 429 with `Retry-After: retryAfter`. */
  app.post('/__control/rate-limit', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as { requests?: unknown; retryAfter?: unknown };
    state.rateLimit = {
      remaining: Math.max(1, Math.min(10, Number(input.requests) || 1)),
      retryAfter: Math.max(1, Math.min(30, Number(input.retryAfter) || 3)),
    };
    return c.json(state.rateLimit);
  });

  return app;
}
