import { pageOrigin } from '../conditional/dev-warnings.js';

/**
 * R-AUTH-ORIGIN: the access token goes to the configured origins only. Decided on the final absolute
 * URL of each attempt, so an absolute URL passed by the caller is checked like any other.
 */
export interface OriginPolicy {
  readonly origins: readonly string[];
  allows(url: string): boolean;
}

/** Validates `auth.origins` (or derives the default) once, at `createClient`. */
export function createOriginPolicy(origins: unknown, baseUrl: string | undefined): OriginPolicy {
  const list = origins === undefined ? defaultOrigins(baseUrl) : explicitOrigins(origins);
  const allowed = new Set(list);
  return {
    origins: list,
    allows(url: string): boolean {
      try {
        return allowed.has(new URL(url).origin);
      } catch {
        return false;
      }
    },
  };
}

function defaultOrigins(baseUrl: string | undefined): string[] {
  if (baseUrl !== undefined) return [new URL(baseUrl).origin];
  const page = pageOrigin();
  if (typeof page === 'string' && page !== 'null') return [page];
  throw new TypeError('fetchwise: auth needs to know where the token may go: set baseUrl or auth.origins (e.g. ["https://api.example.com"])');
}

function explicitOrigins(origins: unknown): string[] {
  if (!Array.isArray(origins) || origins.length === 0) {
    throw new TypeError('fetchwise: auth.origins must be a non-empty array of origins such as "https://api.example.com"');
  }
  return origins.map((value: unknown) => {
    if (typeof value !== 'string') throw new TypeError(`fetchwise: auth.origins entries must be strings, got ${typeof value}`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TypeError(`fetchwise: auth.origins entry "${value}" is not an origin (write it as "https://api.example.com")`);
    }
    if (!/^https?:$/.test(url.protocol)) {
      throw new TypeError(`fetchwise: auth.origins entry "${value}" must use http or https`);
    }
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      throw new TypeError(`fetchwise: auth.origins entry "${value}" must be an origin only (scheme, host and port), such as "${url.origin}"`);
    }
    return url.origin;
  });
}
