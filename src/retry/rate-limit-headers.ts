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
  const combined = get('ratelimit');
  const policy = get('ratelimit-policy') ?? undefined;
  const info: RateLimitInfo = {};
  const limit =
    number(get('x-ratelimit-limit') ?? get('x-rate-limit-limit') ?? get('ratelimit-limit')) ??
    param(combined, 'limit', 'l') ??
    param(policy ?? null, 'q');
  const remaining =
    number(get('x-ratelimit-remaining') ?? get('x-rate-limit-remaining') ?? get('ratelimit-remaining')) ??
    param(combined, 'remaining', 'r');
  const reset = resetToMs(
    number(get('x-ratelimit-reset') ?? get('x-rate-limit-reset') ?? get('ratelimit-reset')) ?? param(combined, 'reset', 't'),
    now,
  );
  const windowSeconds = number(get('x-rate-limit-window') ?? get('x-ratelimit-window')) ?? param(policy ?? null, 'w');
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (reset !== undefined) info.resetIn = reset;
  if (windowSeconds !== undefined) info.window = windowSeconds * 1000;
  if (policy !== undefined) info.policy = policy;
  return info;
}
