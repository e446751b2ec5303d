import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, firstCode, isObject, issue, objects, text, type JsonObject } from './shared.js';

/**
 * GraphQL responses (GraphQL spec § 7.1.2 "Errors"): `{errors: [{message, locations?, path?, extensions?}], data?}`.
 * The code is `extensions.code` (Apollo's convention). An error's `path` points into the *response*, not at
 * an input field, so every issue is form-level.
 */
export const graphql: Dialect = {
  name: 'graphql',
  parse(body) {
    if (!isObject(body)) return undefined;
    const errors = objects(body['errors']);
    if (errors.length === 0 || !errors.every((error) => isGraphqlError(error, 'data' in body))) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors) {
      const message = text(error['message']);
      const extensions = isObject(error['extensions']) ? error['extensions'] : {};
      if (message !== undefined) issues.push(issue('', message, codeOf(extensions['code'])));
    }
    return { code: firstCode(issues), detail: issues[0]?.message, issues };
  },
};

function isGraphqlError(error: JsonObject, hasData: boolean): boolean {
  if (typeof error['message'] !== 'string') return false;
  return hasData || Array.isArray(error['locations']) || Array.isArray(error['path']) || isObject(error['extensions']);
}
