import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue, ProblemParts } from '../types.js';
import { codeOf, fieldMapIssues, isObject, objects, text, issue, type JsonObject } from './shared.js';

/** A code-like title (`invalid_type`), as in seed 004's `errors: [{title, detail}]`; prose titles are not codes. */
const CODE_LIKE = /^[\w.:-]+$/;

/**
 * RFC 9457 / RFC 7807 problem details: `type`, `title`, `status`, `detail`, `instance`, plus the usual
 * extensions: `errors: [{detail, pointer}]` (RFC 9457 § 3), `invalid-params: [{name, reason}]` (RFC 7807 § 3),
 * `errors: [{title, detail}]` (seed 004) and ASP.NET's `errors: {"Name": ["msg"]}` map.
 * Recognised by `application/problem+json`, or by shape: a `type` or `title` string with a `status`, `detail`,
 * `instance` or one of the extensions above.
 */
export const problemJson: Dialect = {
  name: 'problem-json',
  parse(body, context) {
    if (!isObject(body)) return undefined;
    if (context.contentType !== 'application/problem+json' && !looksLikeProblem(body)) return undefined;
    return problemParts(body);
  },
};

/** The parts of a problem details object; shared with the ASP.NET Core dialect. */
export function problemParts(body: JsonObject): ProblemParts {
  const parts: ProblemParts = {
    type: text(body['type']),
    title: text(body['title']),
    detail: text(body['detail']),
    instance: text(body['instance']),
    code: codeOf(body['code']) ?? codeOf(body['errorCode']),
  };
  const issues = [
    ...invalidParams(body['invalid-params'] ?? body['invalid_params']),
    ...(fieldMapIssues(body['errors']) ?? errorList(body['errors'])),
  ];
  if (issues.length > 0) parts.issues = issues;
  return parts;
}

function looksLikeProblem(body: JsonObject): boolean {
  if (text(body['type']) === undefined && text(body['title']) === undefined) return false;
  const status = body['status'];
  return (
    typeof status === 'number' ||
    (typeof status === 'string' && /^\d{3}$/.test(status)) ||
    text(body['detail']) !== undefined ||
    text(body['instance']) !== undefined ||
    Array.isArray(body['invalid-params']) ||
    Array.isArray(body['invalid_params']) ||
    objects(body['errors']).some((item) => text(item['detail']) !== undefined)
  );
}

function invalidParams(value: unknown): ProblemIssue[] {
  const result: ProblemIssue[] = [];
  for (const param of objects(value)) {
    const message = text(param['reason']) ?? text(param['detail']) ?? text(param['message']);
    if (message !== undefined) result.push(issue(normalizePath(text(param['name'])), message, codeOf(param['code'])));
  }
  return result;
}

function errorList(value: unknown): ProblemIssue[] {
  const result: ProblemIssue[] = [];
  for (const error of objects(value)) {
    const detail = text(error['detail']);
    const title = text(error['title']);
    const message = detail ?? text(error['message']) ?? title;
    if (message === undefined) continue;
    const source = isObject(error['source']) ? error['source'] : {};
    const pointer = text(error['pointer']) ?? text(source['pointer']);
    const name = text(error['field']) ?? text(error['parameter']) ?? text(error['name']) ?? text(source['parameter']);
    const titleCode = detail !== undefined && title !== undefined && CODE_LIKE.test(title) ? title : undefined;
    result.push(issue(normalizePath(pointer ?? name), message, codeOf(error['code']) ?? titleCode, pointer));
  }
  return result;
}
