import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, isObject, issue, objects, text } from './shared.js';

/**
 * OData JSON errors, as used by Microsoft Graph and the Microsoft REST API Guidelines:
 * `{error: {code: "BadArgument", message, target?, details?: [{code, message, target}], innererror?}}`
 * (also OData v3's `{"odata.error": {code, message: {lang, value}}}`).
 * Told apart from Google by the string `code`. Each detail is an issue on its `target`;
 * without details, a top-level `target` makes one issue.
 */
export const odata: Dialect = {
  name: 'odata',
  parse(body) {
    if (!isObject(body)) return undefined;
    const error = body['error'] ?? body['odata.error'];
    if (!isObject(error) || typeof error['code'] !== 'string') return undefined;
    const detail = messageOf(error['message']);
    if (detail === undefined) return undefined;
    const issues: ProblemIssue[] = [];
    for (const item of objects(error['details'])) {
      const message = messageOf(item['message']);
      if (message !== undefined) issues.push(issue(normalizePath(text(item['target'])), message, codeOf(item['code'])));
    }
    const target = text(error['target']);
    if (issues.length === 0 && target !== undefined) issues.push(issue(normalizePath(target), detail, codeOf(error['code'])));
    return { code: codeOf(error['code']), detail, issues };
  },
};

function messageOf(value: unknown): string | undefined {
  return isObject(value) ? text(value['value']) : text(value);
}
