import type { RequestSummary } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { capText, mediaType } from '../problem/build-problem.js';

const jsonType = /[/+]json$/;

/** True for `application/json` and every `+json` type (`hal+json`, `problem+json`, `vnd.api+json`, RFC 6839). */
export function isJsonMediaType(contentType: string | null): boolean {
  return jsonType.test(mediaType(contentType));
}

/**
 * parses a success body by content type. 204, 205, HEAD and empty bodies give `undefined`;
 * broken JSON is a `ResponseShapeError` carrying the raw text. A body to read gives a promise.
 */
export function readBody(response: Response, method: string, request: () => RequestSummary, skip = false): unknown {
  const { status } = response;
  if (skip || status === 204 || status === 205 || status === 304 || method === 'HEAD') {
    void response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  return response.text().then((text) => {
    if (text === '') return undefined;
    if (!isJsonMediaType(response.headers.get('content-type'))) return text;
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new ResponseShapeError(request(), {
        status,
        issues: [{ path: '', message: 'The response body is not valid JSON', code: 'invalid_json' }],
        raw: capText(text),
        cause,
      });
    }
  });
}
