import type { RequestSummary } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { capText, mediaType } from '../problem/build-problem.js';

const jsonType = /[/+]json$/;

/** True for `application/json` and every `+json` type (`hal+json`, `problem+json`, `vnd.api+json`, RFC 6839). */
export function isJsonMediaType(contentType: string | null): boolean {
  return jsonType.test(mediaType(contentType));
}

/**
 * 204, 205, 304 and HEAD have no body to read, nor a 404 (only ever accepted for a DELETE,
 * R-404-DELETE): it is cancelled.
 */
export function hasNoBody(response: Response, method: string): boolean {
  const { status } = response;
  if (status !== 204 && status !== 205 && status !== 304 && status !== 404 && method !== 'HEAD') return false;
  void response.body?.cancel().catch(() => undefined);
  return true;
}

/**
 * a success body by content type: JSON for JSON types, text otherwise, `undefined` when empty;
 * broken JSON is a `ResponseShapeError` carrying the raw text.
 */
export function parseText(text: string, response: Response, request: () => RequestSummary): unknown {
  if (text === '') return undefined;
  if (!isJsonMediaType(response.headers.get('content-type'))) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseShapeError(request(), {
      status: response.status,
      issues: [{ path: '', message: 'The response body is not valid JSON', code: 'invalid_json' }],
      raw: capText(text),
      cause,
    });
  }
}

/** the body read and parsed ({@link parseText}), or `undefined` when there is none. */
export async function readBody(response: Response, method: string, request: () => RequestSummary): Promise<unknown> {
  return hasNoBody(response, method) ? undefined : parseText(await response.text(), response, request);
}
