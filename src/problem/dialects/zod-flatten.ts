import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, isObject, issue, items, text } from './shared.js';

/**
 * zod's `error.flatten()` / `z.flattenError()`: `{formErrors: ["msg"], fieldErrors: {name: ["msg"]}}`,
 * including the mapped form `flatten((issue) => ({message: issue.message, errorCode: issue.code}))`.
 */
export const zodFlatten: Dialect = {
  name: 'zod-flatten',
  parse(body) {
    if (!isObject(body) || !Array.isArray(body['formErrors']) || !isObject(body['fieldErrors'])) return undefined;
    const issues: ProblemIssue[] = [];
    for (const entry of items(body['formErrors'])) push(issues, '', entry);
    for (const [field, entries] of Object.entries(body['fieldErrors'])) {
      const path = normalizePath(field);
      for (const entry of items(entries)) push(issues, path, entry);
    }
    return { issues };
  },
};

function push(issues: ProblemIssue[], path: string, entry: unknown): void {
  if (typeof entry === 'string') {
    if (entry.trim() !== '') issues.push(issue(path, entry));
  } else if (isObject(entry)) {
    const message = text(entry['message']);
    if (message !== undefined) issues.push(issue(path, message, codeOf(entry['errorCode']) ?? codeOf(entry['code'])));
  }
}
