import { crossOrigin, type DevWarnings } from './dev-warnings.js';

/**
 * In development, warns once per origin and header when a cross-origin response shows no `ETag` or
 * `Location`: the browser hides response headers the server does not list in `Access-Control-Expose-Headers`.
 */
export function warnHiddenHeader(warnings: DevWarnings, header: 'ETag' | 'Location', url: string): void {
  const origin = crossOrigin(url);
  if (origin === undefined) return;
  warnings.once(`${origin} hidden ${header}`, () =>
    `fetchwise: responses from ${origin} show no ${header} header to JavaScript. If the API sends one, ` +
      `add "Access-Control-Expose-Headers: ${header}" to its CORS responses, or ${header === 'ETag' ? 'refetches cannot be answered with 304' : 'created resources cannot be located'}.`,
  );
}

/**
 * R-CORS-CONDITIONAL: a cross-origin conditional GET failed at the network level, which is what a
 * preflight rejected by CORS looks like to JavaScript. The request is re-sent without conditions.
 */
export function warnConditionalPreflight(warnings: DevWarnings, origin: string): void {
  warnings.once(`${origin} conditional preflight`, () =>
    `fetchwise: a conditional request to ${origin} failed at the network level, as it does when the API's CORS preflight ` +
      `rejects it; it was sent again without conditions (a full 200 instead of a 304). Conditional requests need the API's ` +
      `OPTIONS answer to be 2xx with "Access-Control-Allow-Headers: If-None-Match, If-Modified-Since, If-Match" (besides the ` +
      `headers it already allows, e.g. Content-Type, Authorization), "Access-Control-Expose-Headers: ETag", and ` +
      `"Access-Control-Max-Age: 600" so that browsers reuse preflights where they can (Chromium preflights each conditional request anyway).`,
  );
}

/** R-WEAK-ETAG: writes to `origin` go without `If-Match`, because it only sends weak ETags. */
export function warnWeakEtag(warnings: DevWarnings, origin: string): void {
  warnings.once(`${origin} weak etag`, () =>
    `fetchwise: ${origin} sends only weak ETags (W/"…"), so writes to it go without If-Match (RFC 9110 allows strong ETags only) ` +
      `and are not protected against lost updates. Send strong ETags from the server (e.g. Express: app.set('etag', 'strong'); ` +
      `nginx and Django weaken them when they gzip) and have it answer a stale If-Match with 412.`,
  );
}
