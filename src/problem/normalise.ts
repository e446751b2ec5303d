import { TOKEN, codeOf, embeddedJson, isObject, readIssues, text } from './structural-issues.js';
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
  parse(body) {
    if (Array.isArray(body)) return { issues: readIssues(body) };
    if (!isObject(body)) return undefined;
    const parts = meta(body);
    parts.issues = readIssues(body);
    parts.code ??= parts.issues.find((issue) => issue.code !== undefined)?.code;
    return parts;
  },
};

function meta(body: Record<string, unknown>): ProblemParts {
  const error = body['error'];
  const inner = isObject(error) ? error : {};
  const message = text(body['message']) ?? text(body['error_description']);
  const errorText = text(error);
  // `{statusCode, error: "Unauthorized", message}` (Nest, hapi, Fastify): `error` is the reason phrase.
  const errorIsTitle = errorText !== undefined && (typeof body['statusCode'] === 'number' || !TOKEN.test(errorText));
  const type = text(body['type']);
  const typeIsTitle = type !== undefined && /\s/.test(type);
  const statusCoded = typeof body['statusCode'] === 'number';
  const title = text(body['title']) ?? (typeIsTitle ? type : undefined) ?? (errorIsTitle && (message !== undefined || statusCoded) ? errorText : undefined);
  return {
    type: (typeIsTitle ? undefined : type) ?? text(body['error_uri']) ?? text(inner['type']) ?? text(inner['status']),
    title,
    detail:
      text(body['detail']) ??
      message ??
      (errorIsTitle && title === undefined ? errorText : undefined) ??
      (embeddedJson(inner['message']) === undefined ? text(inner['message']) : undefined),
    code:
      codeOf(body['code']) ??
      codeOf(body['errorCode']) ??
      codeOf(body['error_code']) ??
      (errorText !== undefined && !errorIsTitle ? errorText : undefined) ??
      text(inner['code']) ??
      text(inner['status']) ??
      text(inner['type']) ??
      codeOf(inner['code']),
    instance: text(body['instance']),
  };
}
