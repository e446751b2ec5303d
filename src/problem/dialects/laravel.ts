import type { Dialect } from '../types.js';
import { fieldMapIssues, isObject, text } from './shared.js';

/**
 * Laravel's validation response (422): `{message, errors: {"users.0.email": ["msg", …]}}`.
 * Keys are already dotted; `message` is the detail.
 */
export const laravel: Dialect = {
  name: 'laravel',
  parse(body) {
    if (!isObject(body)) return undefined;
    const detail = text(body['message']);
    const issues = fieldMapIssues(body['errors']);
    if (detail === undefined || issues === undefined) return undefined;
    return { detail, issues };
  },
};
