import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { MAX_ITEMS, isObject, issue, items, objects, onlyKeys, text, type JsonObject } from './shared.js';

const TYPES = ['field', 'alternative', 'alternative_grouped', 'unknown_fields'];

/**
 * express-validator's `{errors: validationResult(req).array()}`: v7 items are
 * `{type: 'field', msg, path, location, value}` (plus `alternative`, `alternative_grouped` and
 * `unknown_fields` errors); v6 items are `{msg, param, location, value}`. Paths (`items[0].name`) are normalised.
 * express-validator has no error codes, so issues carry none.
 */
export const expressValidator: Dialect = {
  name: 'express-validator',
  parse(body) {
    if (!isObject(body) || !onlyKeys(body, ['errors', 'message'])) return undefined;
    const errors = objects(body['errors']);
    if (errors.length === 0 || !errors.every(isValidatorError)) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors) collect(error, issues);
    return { detail: text(body['message']), issues };
  },
};

function isValidatorError(error: JsonObject): boolean {
  if (!('msg' in error)) return false;
  const type = error['type'];
  if (typeof type === 'string') return TYPES.includes(type);
  return 'param' in error || ('path' in error && 'location' in error);
}

function collect(error: JsonObject, issues: ProblemIssue[]): void {
  const message = text(error['msg']);
  if (error['type'] === 'alternative' || error['type'] === 'alternative_grouped') {
    const nested = items(error['nestedErrors']).flatMap((item) => (Array.isArray(item) ? items(item) : [item]));
    // Nested errors are field errors: they are read flat, never recursed into.
    for (const item of nested.slice(0, MAX_ITEMS)) if (isObject(item)) fieldIssue(item, issues);
    if (nested.length === 0 && message !== undefined) issues.push(issue('', message));
    return;
  }
  if (error['type'] === 'unknown_fields') {
    if (message === undefined) return;
    for (const field of objects(error['fields'])) issues.push(issue(normalizePath(text(field['path'])), message));
    return;
  }
  fieldIssue(error, issues);
}

function fieldIssue(error: JsonObject, issues: ProblemIssue[]): void {
  const message = text(error['msg']);
  if (message !== undefined) issues.push(issue(normalizePath(text(error['path']) ?? text(error['param'])), message));
}
