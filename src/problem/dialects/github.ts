import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, firstCode, isObject, issue, items, text } from './shared.js';

/**
 * GitHub REST: `{message, errors?: [{resource, field, code, message?}], documentation_url?}`.
 * Recognised by `documentation_url`, or by `errors` items carrying `resource`, or `field` with `code`.
 * An issue's message is its `message`, else `"<field> <code>"`; the code is the first error's `code`.
 */
export const github: Dialect = {
  name: 'github',
  parse(body) {
    if (!isObject(body)) return undefined;
    const detail = text(body['message']);
    if (detail === undefined) return undefined;
    const errors = items(body['errors']);
    const githubErrors = errors.some(
      (error) => isObject(error) && (text(error['resource']) !== undefined || (text(error['field']) !== undefined && text(error['code']) !== undefined)),
    );
    if (text(body['documentation_url']) === undefined && !githubErrors) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors) {
      if (typeof error === 'string' && error.trim() !== '') issues.push(issue('', error));
      if (!isObject(error)) continue;
      const field = text(error['field']);
      const code = codeOf(error['code']);
      const message = text(error['message']) ?? (field !== undefined && code !== undefined ? `${field} ${code}` : code);
      if (message !== undefined) issues.push(issue(normalizePath(field), message, code));
    }
    return { detail, code: firstCode(issues), issues };
  },
};
