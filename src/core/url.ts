/** Values accepted for one search parameter; `undefined` and `null` are skipped, arrays repeat the key. */
export type SearchParamValue = string | number | boolean | null | undefined;
export type SearchParams =
  | string
  | URLSearchParams
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, SearchParamValue | readonly SearchParamValue[]>>;

// A scheme followed by `//`: `users:batchCreate` (a Google-style custom method) stays a relative path.
// Group 1 is user info (`user:password@`).
const absolute = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*@)?/i;

export function isAbsoluteUrl(value: string): boolean {
  return absolute.test(value);
}

/** The page's URL in a browser; `undefined` in Node or a worker without `location`. */
export const pageHref = (): string | undefined => (globalThis as { location?: { href?: string } }).location?.href;

/**
 * Resolves and validates `baseUrl` once, at `createClient`. A relative base (`/api`) resolves against
 * the page's location in a browser. The result has no trailing slash.
 */
export function resolveBaseUrl(baseUrl: unknown): string | undefined {
  if (baseUrl === undefined) return undefined;
  if (typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) {
    throw new TypeError(`fetchwise: baseUrl must be a string or URL, got ${typeof baseUrl}`);
  }
  const text = String(baseUrl).trim();
  const shown = text.replace(/\/\/[^/?#]*@/, '//');
  let url: URL;
  try {
    url = new URL(text, isAbsoluteUrl(text) ? undefined : pageHref());
  } catch {
    throw new TypeError(`fetchwise: baseUrl "${shown}" is not a valid URL (use an absolute http(s) URL such as "https://api.example.com/v1")`);
  }
  if (url.username || url.password) throw new TypeError('fetchwise: baseUrl must not contain credentials (user:password@); send them in headers or use `auth`');
  if (!/^https?:$/.test(url.protocol)) throw new TypeError(`fetchwise: baseUrl "${shown}" must use http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new TypeError(`fetchwise: baseUrl "${shown}" must not have a query or fragment; pass searchParams instead`);
  return trimTrailingSlashes(url.href);
}

/**
 * `value` without its trailing slashes. R-LINEAR: a loop from the end; `/\/+$/` retries from every
 * slash and is quadratic in a run of them (60,000 slashes took 4.1 s).
 */
export function trimTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 47) end--;
  return value.slice(0, end);
}

/**
 * `path` is appended to `baseUrl` (`/contacts` under `https://api.example.com/v1` is `…/v1/contacts`);
 * an absolute URL is used as it is.
 */
export function buildUrl(baseUrl: string | undefined, path: string, searchParams?: SearchParams): string {
  const scheme = absolute.exec(path);
  // fetch refuses URLs with user info and echoes them, password included, in its error.
  if (scheme?.[1]) throw new TypeError('fetchwise: request URLs must not contain credentials (user:password@); send them in headers or use `auth`');
  // An absolute URL is used as it is.
  let url = path;
  if (!scheme) {
    if (baseUrl !== undefined) url = path === '' ? baseUrl : `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
    else {
      const page = pageHref();
      if (page === undefined) throw new TypeError(`fetchwise: "${path}" is a relative path and the client has no baseUrl`);
      url = new URL(path, page).href;
    }
  }
  const query = searchParams === undefined ? '' : serializeSearchParams(searchParams);
  if (query === '') return url;
  const [base] = url.split('#', 1) as [string];
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

function serializeSearchParams(params: SearchParams): string {
  if (typeof params === 'string') return params.replace(/^\?/, '');
  if (params instanceof URLSearchParams || Array.isArray(params)) return new URLSearchParams(params as string[][]).toString();
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // `[value].flat()`: an array's items, or the value alone.
    for (const item of [value].flat()) if (item != null) search.append(key, String(item));
  }
  return search.toString();
}
