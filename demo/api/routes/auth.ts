import { Hono } from 'hono';
import { bearer, sleep } from '../http.ts';
import type { DemoState } from '../state.ts';

/** The demo's only user. */
export const demoUser = { username: 'ada@example.com', password: 'lovelace' };

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/**
 * A small identity provider (OAuth 2.0 token endpoint shapes): sign-in with a password, rotating
 * refresh tokens with reuse detection, sign-out. Errors at sign-in use seed 001's `errors[]`.
 */
export function authRoutes(state: DemoState): Hono {
  const app = new Hono();

  app.post('/login', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as { username?: unknown; password?: unknown };
    const missing = (['username', 'password'] as const).filter((name) => typeof input[name] !== 'string' || input[name] === '');
    if (missing.length > 0) {
      const errors = missing.map((name) => ({ errorCode: 'CMN-102', message: `Parameter [${name}] is required`, parameterName: name }));
      return json(400, { errorCode: 'CMN-102', message: errors[0]?.message, errors });
    }
    if (input.username !== demoUser.username || input.password !== demoUser.password) {
      const error = { errorCode: 'OAU-140', message: 'Invalid resource owner credentials.' };
      return json(401, { ...error, errors: [error] });
    }
    return json(200, state.tokens.signIn(demoUser.username, state.settings.accessTtl));
  });

  app.post('/token', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as { grant_type?: unknown; refresh_token?: unknown };
    if (input.grant_type !== 'refresh_token' || typeof input.refresh_token !== 'string') {
      return json(400, { error: 'invalid_request', error_description: 'grant_type=refresh_token and refresh_token are required' });
    }
    state.stats.refreshCalls++;
    const outcome = state.tokens.refresh(input.refresh_token, state.settings.accessTtl, state.settings.reuseGraceMs);
    await sleep(state.settings.refreshDelay);
    if (outcome.ok) {
      if (outcome.graceReuse) state.stats.graceReuses++;
      return json(200, outcome.tokens);
    }
    if (outcome.reason === 'reused') state.stats.reuseDetected++;
    const description = outcome.reason === 'reused' ? 'Refresh token reuse detected: the session was revoked' : 'The session has ended';
    return json(400, { error: 'invalid_grant', error_description: description });
  });

  app.post('/logout', (c) => {
    const token = bearer(c.req.header('authorization'));
    if (token) state.tokens.revokeByAccessToken(token);
    return c.body(null, 204);
  });

  return app;
}
