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

const secretParam = /(?:^|[_-])(?:access_?token|refresh_?token|id_?token|token|api_?key|apikey|key|secret|password|passwd|pwd|signature|sig|auth|authorization|session|code|jwt|credentials?)$/i;

/** Strips user info and redacts secret-looking query parameters (`?access_token=…`). */
export function summarizeRequest(method: string, url: string): RequestSummary {
  let safe = url;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const name of new Set(parsed.searchParams.keys())) {
      // camelCase too: `authToken`, `sessionToken`, `accessKey`
      if (secretParam.test(name.replace(/([a-z\d])([A-Z])/g, '$1_$2'))) parsed.searchParams.set(name, 'REDACTED');
    }
    safe = parsed.href;
  } catch {
    safe = url.replace(/\/\/[^/@]*@/, '//');
  }
  return { method: method.toUpperCase(), url: safe };
}
