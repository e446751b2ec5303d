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
  warnings.once(`${origin} preflight`, () =>
    `fetchwise: a conditional GET to ${origin} failed at the network level (a CORS preflight?) and was sent again without conditions. ` +
      `Its OPTIONS answers need Access-Control-Allow-Headers: If-None-Match, If-Modified-Since, If-Match (and Access-Control-Max-Age: 600), ` +
      `its responses Access-Control-Expose-Headers: ETag.`,
  );
}

/** R-WEAK-ETAG: writes to `origin` go without `If-Match`, because it only sends weak ETags. */
export function warnWeakEtag(warnings: DevWarnings, origin: string): void {
  warnings.once(`${origin} weak`, () =>
    `fetchwise: ${origin} sends weak ETags only, so writes go without If-Match and are not protected against lost updates. ` +
      `Send strong ETags, and answer a stale If-Match with 412.`,
  );
}
