import type { MiddlewareHandler } from 'hono';
import { problem } from './http.ts';
import type { DemoState } from './state.ts';

/**
 * What the panel's "Trigger a rate limit" and "Flaky 503" buttons turn on, in front of the contacts
 * routes (never the token endpoint): a 429 with `Retry-After` and rate-limit headers, and 503s.
 */
export function chaos(state: DemoState): MiddlewareHandler {
  return async (c, next) => {
    const plan = state.rateLimit;
    if (plan.remaining > 0) {
      plan.remaining--;
      const reset = Math.ceil(Date.now() / 1000) + plan.retryAfter;
      return problem(429, 'Too Many Requests', `Slow down: try again in ${plan.retryAfter} s`, {
        'retry-after': String(plan.retryAfter),
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      });
    }
    if (state.settings.flaky) {
      // Deterministic: per URL, two requests out of three fail, so one logical request always
      // succeeds on its third attempt (the default retry budget is 1 + 3).
      const key = `${c.req.method} ${c.req.path}`;
      const count = state.flakyCounters.get(key) ?? 0;
      state.flakyCounters.set(key, count + 1);
      if (count % 3 !== 2) return problem(503, 'Service Unavailable', 'The contacts service is restarting (flaky mode is on)');
    }
    await next();
  };
}
