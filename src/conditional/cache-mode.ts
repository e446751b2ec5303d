/**
 * R-REVALIDATE-HEADERS: the fetch cache mode of a query's request. Measured in Node 20 (undici) and
 * Chromium 156, same- and cross-origin:
 * - `no-store` adds `Cache-Control: no-cache` (and `Pragma: no-cache`). The `fresh` package (Express 4/5,
 *   Koa, json-server, and so nginx proxying them) reads that as a forced reload: 200 to every revalidation.
 * - `no-cache` makes both add `Cache-Control: max-age=0` instead, which `fresh` accepts: 304. The header is
 *   the runtime's own, so a cross-origin API needs nothing more in `Access-Control-Allow-Headers`; an
 *   explicit `Cache-Control: max-age=0` request header does, and failed the preflight of an API that
 *   allows `If-None-Match` only.
 * - `default` with `If-None-Match`: Chromium sends `max-age=0`, Node `no-cache`.
 * A request carrying our own `If-None-Match` bypasses the browser's stored response, so its 304 reaches
 * the library. Unconditional requests stay `no-store`: the browser's cache never answers for the server
 * when the query cache holds nothing.
 */
export function queryCacheMode(conditional: boolean): RequestCache {
  return conditional ? 'no-cache' : 'no-store';
}
