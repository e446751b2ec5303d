import { isNode, TOKEN, codeOf, embeddedJson, readIssues, text } from './structural-issues.js';
import type { Dialect, ProblemParts } from './types.js';


/**
 * The default reader: recognises shapes, not products.
 * - Meta: RFC 9457 members (`type`, `title`, `detail`, `instance`), `message`, `code`/`errorCode`/`error_code`,
 *   `error` as a string (a code when it is one token, a title next to a message) or as an object
 *   (`{error: {code, message, status, type, …}}`).
 * - Issues, from the envelopes `errors`, `error`, `details`, `violations`, `invalid-params`, `issues`,
 *   `validation`, `fieldErrors`/`formErrors`, `detail` and `message` lists; else, when every member of the
 *   body is a list or an object, the body itself as a field map (DRF, Rails). See {@link readIssues}.
 * Messages are never read for meaning: a field named only inside a sentence leaves the sentence form-level.
 */
export const structural: Dialect = {
  name: 'structural',
  parse: (body) => (isNode(body) ? meta(body as Record<string, unknown>) : undefined),
};

// Every read value is a non-empty string, so `||` chains pick the first one given; `|| undefined` ends a chain
// that could stop at `false`.
function meta(body: Record<string, unknown>): ProblemParts {
  const issues = readIssues(body);
  const error = body['error'];
  // (A string, a number or a list has none of the members read from it.)
  const inner: Record<string, unknown> = Object(error);
  const message = text(body['detail']) || text(body['message']) || text(body['error_description']);
  const errorText = text(error);
  // `error` as a string: a reason phrase next to `statusCode` (Nest, hapi, Fastify) or when it is a sentence,
  // else (one token) a code (OAuth's `invalid_grant`).
  const statusCoded = typeof body['statusCode'] === 'number';
  // Both flags test `undefined` as the text 'undefined' when there is no `error` / `type` text; each is then
  // only read next to that missing text, so the result is the same.
  const errorIsCode = !statusCoded && TOKEN.test(errorText!);
  const type = text(body['type']);
  // Seed 003's `{code, type: "Internal Server Error", message}`: a `type` with spaces is a title, not a URI.
  const typeIsTitle = /\s/.test(type!);
  const title = text(body['title']) || (typeIsTitle && type) || (!errorIsCode && (message || statusCoded) && errorText) || undefined;
  return {
    type: (!typeIsTitle && type) || text(body['error_uri']) || text(inner['type']) || text(inner['status']),
    title,
    detail: message || (!errorIsCode && !title && errorText) || (!embeddedJson(inner['message']) && text(inner['message'])) || undefined,
    code: codeOf(body['code']) || codeOf(body['errorCode']) || codeOf(body['error_code']) || (errorIsCode && errorText) || text(inner['code']) || text(inner['status']) || text(inner['type']) || codeOf(inner['code']) || issues.find((issue) => issue.code)?.code,
    instance: text(body['instance']),
    issues,
  };
}
