import type { FetchwiseErrorName } from './error-names.js';

/** Brand on every fetchwise error, so guards work across bundles, realms and minified builds. */
export const errorBrand: unique symbol = Symbol.for('fetchwise.error');

/** What an error tells about its request: method and URL only, never headers or credentials. */
export interface RequestSummary {
  method: string;
  /** The URL with user info removed and secret-looking query values redacted. */
  url: string;
}

export interface FetchwiseErrorOptions {
  /** Whether the retry policy treats this failure as retryable (status and method rules). @default false */
  retryable?: boolean;
  cause?: unknown;
}

/** Base class of every error fetchwise throws. */
export class FetchwiseError extends Error {
  override readonly name: FetchwiseErrorName = 'FetchwiseError';
  /** Method and URL of the request that failed (no credentials). */
  readonly request: RequestSummary;
  /**
   * Whether the retry policy would retry this failure (it may already have): a 5xx, 408, 429, network
   * error or timeout of an idempotent request (R-IDEMPOTENT). `false` for everything else.
   */
  readonly retryable: boolean;

  constructor(message: string, request: RequestSummary, options?: FetchwiseErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.request = request;
    this.retryable = options?.retryable ?? false;
    Object.defineProperty(this, errorBrand, { value: true });
  }
}

// One segment of a parameter name (`access_token`, or `password` in `user[password]`), camelCase split
// with `_`. Anchored at the end and tried only at the start or after `_`/`-`: linear (R-LINEAR).
const secretParam =
  /(?:^|[_-])(?:access_?token|refresh_?token|id_?token|tokens?|api_?key|apikey|key|secret|password|passwd|pwd|signature|sig|auth|authorization|bearer|session|j?session_?id|(?:php)?sess_?id|sid|otp|code|jwt|credentials?)$/i;

/** A query parameter name that looks secret: `token`, `authToken`, `PHPSESSID`, `access_token[]`, `user[password]`. */
export function isSecretParam(name: string): boolean {
  // Brackets and dots nest names (`user[password]`, `auth.token`) or mark arrays (`access_token[]`).
  // Only a segment's end can match (the longest word is 13 characters): test its last 24 only.
  return name.split(/[[\].]/).some((segment) => secretParam.test(segment.slice(-24).replace(/([a-z\d])([A-Z])/g, '$1_$2')));
}

/** `search` (without `?`) with secret-looking values replaced; the same string when none is secret. */
function redactQuery(search: string): string {
  const params = [...new URLSearchParams(search)];
  if (!params.some(([name]) => isSecretParam(name))) return search;
  // One pass (a `set` per name rewrites the whole query: quadratic in the number of parameters).
  return new URLSearchParams(params.map(([name, value]) => [name, isSecretParam(name) ? 'REDACTED' : value])).toString();
}

/** Strips user info and redacts secret-looking query parameters (`?access_token=…`). */
export function summarizeRequest(method: string, url: string): RequestSummary {
  let safe: string;
  try {
    const parsed = new URL(url);
    parsed.username = parsed.password = '';
    const search = parsed.search.slice(1);
    const redacted = redactQuery(search);
    if (redacted !== search) parsed.search = redacted;
    safe = parsed.href;
  } catch {
    // Not a URL (a relative path without base): drop anything like user info, redact the query (up to `#`).
    safe = url.replace(/\/\/[^/@]*@/, '//').replace(/\?([^#]*)/, (_, query: string) => `?${redactQuery(query)}`);
  }
  return { method: method.toUpperCase(), url: safe };
}
