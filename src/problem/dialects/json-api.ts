import { jsonApiPointerToPath, normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, firstCode, isObject, issue, objects, onlyKeys, text, type JsonObject } from './shared.js';

/** The members a JSON:API error object may have (JSON:API 1.1 § "Error Objects"). */
const ERROR_MEMBERS = ['id', 'links', 'status', 'code', 'title', 'detail', 'source', 'meta'];

/**
 * JSON:API: `{errors: [{id?, status?, code?, title?, detail?, source?: {pointer | parameter | header}, meta?}]}`.
 * Only error objects with JSON:API members are accepted, which keeps GraphQL (`message`), express-validator
 * (`msg`) and seed 001 (`errorCode`) out. `/data/attributes/title` becomes `title`; the pointer is kept.
 * A `header` source is not a field, so it is form-level. The first error gives the code, title and detail.
 */
export const jsonApi: Dialect = {
  name: 'json-api',
  parse(body) {
    if (!isObject(body) || 'message' in body || 'title' in body || 'type' in body) return undefined;
    const errors = objects(body['errors']);
    if (errors.length === 0 || !errors.every(isJsonApiError)) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors) {
      const message = text(error['detail']) ?? text(error['title']);
      if (message === undefined) continue;
      const source = isObject(error['source']) ? error['source'] : {};
      const pointer = typeof source['pointer'] === 'string' ? source['pointer'] : undefined;
      const parameter = text(source['parameter']);
      const path = pointer !== undefined ? jsonApiPointerToPath(pointer) : normalizePath(parameter);
      issues.push(issue(path, message, codeOf(error['code']), pointer));
    }
    const first = errors[0];
    return { code: firstCode(issues), title: text(first?.['title']), detail: text(first?.['detail']), issues };
  },
};

function isJsonApiError(error: JsonObject): boolean {
  if (!onlyKeys(error, ERROR_MEMBERS)) return false;
  return ['title', 'detail', 'code', 'status'].some((key) => codeOf(error[key]) !== undefined) || isObject(error['source']);
}
