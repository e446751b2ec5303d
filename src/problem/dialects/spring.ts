import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, isObject, issue, objects, text } from './shared.js';

/**
 * Spring Boot's default error body (`DefaultErrorAttributes`): `{timestamp, status, error, message?, path}`,
 * with binding errors when enabled: `errors: [{field?, defaultMessage, code, objectName, rejectedValue}]`.
 * `error` (the reason phrase) is the title, `message` the detail; a field error without `field` is form-level.
 */
export const spring: Dialect = {
  name: 'spring',
  parse(body) {
    if (!isObject(body) || body['timestamp'] === undefined || typeof body['status'] !== 'number') return undefined;
    const title = text(body['error']);
    if (title === undefined || text(body['path']) === undefined) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of objects(body['errors'])) {
      const message = text(error['defaultMessage']) ?? text(error['message']);
      if (message !== undefined) issues.push(issue(normalizePath(text(error['field'])), message, codeOf(error['code'])));
    }
    return { title, detail: text(body['message']), issues };
  },
};
