/** Brand on every fetchwise error, so guards work across bundles, realms and minified builds. */
export const errorBrand: unique symbol = Symbol.for('fetchwise.error');

/** What an error tells about its request: method and URL only, never headers or credentials. */
export interface RequestSummary {
  method: string;
  /** The URL with user info removed and secret-looking query values redacted. */
  url: string;
}

/** Base class of every error fetchwise throws. */
export class FetchwiseError extends Error {
  override name: string = 'FetchwiseError';
  /** Method and URL of the request that failed (no credentials). */
  readonly request: RequestSummary;

  constructor(message: string, request: RequestSummary, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
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
