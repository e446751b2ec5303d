/** One request as fetchwise's `fetch` saw it, with the body bytes its response carried (after decoding). */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  /** Request headers set by fetchwise (lower-cased); the browser's or undici's own additions are not here. */
  headers: Record<string, string>;
  cache: RequestCache;
  bodyBytes: number;
  /** Response headers that matter for conditional requests. */
  etag: string | null;
}

/**
 * A `fetch` for `createClient({ fetch })` that records every exchange. The body is measured on a clone
 * that is read before the response is handed on, so `bodyBytes` is exact when the promise resolves.
 */
export function recordingFetch(log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const bodyBytes = response.body === null ? 0 : (await response.clone().arrayBuffer()).byteLength;
    log.push({
      method: request.method,
      url: request.url,
      status: response.status,
      headers: Object.fromEntries(request.headers),
      cache: request.cache,
      bodyBytes,
      etag: response.headers.get('etag'),
    });
    return response;
  };
}
