import { IssueCollector, NESTED_KEYS, TOKEN, codeOf, embeddedJson, isObject, text } from './structural-issues.js';
import type { Dialect, ProblemParts } from './types.js';

/** Top-level members that may hold the issues, besides those an error entry may nest (`errors`, `details`, …). */
const ENVELOPES = [...NESTED_KEYS, 'detail', 'message', 'messages'];

/**
 * The default reader: recognises shapes, not products.
 * - Meta: RFC 9457 members (`type`, `title`, `detail`, `instance`), `message`, `code`/`errorCode`/`error_code`,
 *   `error` as a string (a code when it is one token, a title next to a message) or as an object
 *   (`{error: {code, message, status, type, …}}`).
 * - Issues, from the envelopes `errors`, `error`, `details`, `violations`, `invalid-params`, `issues`,
 *   `validation`, `fieldErrors`/`formErrors`, `detail` and `message` lists; else, when every member of the
 *   body is a list or an object, the body itself as a field map (DRF, Rails). See {@link IssueCollector}.
 * Messages are never read for meaning: a field named only inside a sentence leaves the sentence form-level.
 */
export const structural: Dialect = {
  name: 'structural',
  parse(body) {
    const collector = new IssueCollector();
    if (Array.isArray(body)) {
      collector.value(body, '', 0);
      return { issues: collector.issues };
    }
    if (!isObject(body)) return undefined;
    const parts = meta(body);
    let found = false;
    for (const key of ENVELOPES) {
      const value = body[key];
      if (typeof value !== 'object' || value === null) continue;
      found = true;
      collector.value(value, '', 1, text(body['message']));
    }
    const error = body['error'];
    if (isObject(error)) {
      found = true;
      collector.entry(error, '', 1, undefined, false, true);
    }
    const members = Object.values(body);
    if (!found && members.length > 0 && members.every((member) => typeof member === 'object' && member !== null)) {
      collector.map(body, '', 0);
    }
    parts.issues = collector.issues;
    parts.code ??= collector.issues.find((issue) => issue.code !== undefined)?.code;
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
