import type { RateLimitInfo } from '../errors/rate-limit-error.js';

const number = (value: string | null | undefined): number | undefined => {
  if (value == null) return undefined;
  const parsed = Number.parseFloat(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
};

/** `X-RateLimit-Reset` is epoch seconds at GitHub and seconds-to-go elsewhere: tell them apart by size. */
const resetToMs = (value: number | undefined, now: number): number | undefined => {
  if (value === undefined) return undefined;
  return value > 1e9 ? Math.max(0, value * 1000 - now) : value * 1000;
};

/** Reads a key from a structured-field parameter list such as `limit=100, remaining=5` or `"default";r=5;t=30`. */
const param = (field: string | null, ...keys: string[]): number | undefined => {
  if (!field) return undefined;
  for (const key of keys) {
    const match = new RegExp(`(?:^|[;,\\s])${key}=(\\d+(?:\\.\\d+)?)`, 'i').exec(field);
    if (match) return Number(match[1]);
  }
  return undefined;
};

/**
 * Parses the rate-limit headers in use: `X-RateLimit-*` (GitHub and many others), `X-Rate-Limit-*`
 * (seed 000's API), `RateLimit-Limit/Remaining/Reset` and `RateLimit`/`RateLimit-Policy` (IETF httpapi drafts).
 */
export function parseRateLimit(headers: Headers, now: number = Date.now()): RateLimitInfo {
  const get = (name: string) => headers.get(name);
  const field = (name: string) => number(get(`x-ratelimit-${name}`) ?? get(`x-rate-limit-${name}`) ?? get(`ratelimit-${name}`));
  const combined = get('ratelimit');
  const policy = get('ratelimit-policy');
  const windowSeconds = number(get('x-rate-limit-window') ?? get('x-ratelimit-window')) ?? param(policy, 'w');
  const info: Record<string, number | string | undefined> = {
    limit: field('limit') ?? param(combined, 'limit', 'l') ?? param(policy, 'q'),
    remaining: field('remaining') ?? param(combined, 'remaining', 'r'),
    resetIn: resetToMs(field('reset') ?? param(combined, 'reset', 't'), now),
    window: windowSeconds === undefined ? undefined : windowSeconds * 1000,
    policy: policy ?? undefined,
  };
  // Only what the server said: no `undefined` keys.
  for (const key in info) if (info[key] === undefined) delete info[key];
  return info;
}
