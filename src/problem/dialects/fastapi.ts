import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { MAX_DEPTH, codeOf, firstCode, isObject, issue, items, objects, text, type JsonObject } from './shared.js';

/** Where FastAPI found the input; not part of the field path. */
const LOCATIONS = ['body', 'query', 'path', 'header', 'cookie'];

/**
 * FastAPI / Pydantic validation errors (422): `{detail: [{loc: ["body", "items", 0, "name"], msg, type}]}`.
 * A leading location segment is dropped (`items.0.name`); the code is `type` (`type_error.integer`, `int_parsing`).
 */
export const fastapi: Dialect = {
  name: 'fastapi',
  parse(body) {
    if (!isObject(body)) return undefined;
    const errors = objects(body['detail']);
    if (errors.length === 0 || !errors.every(isPydanticError)) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors) {
      const loc = items(error['loc'])
        .slice(0, MAX_DEPTH)
        .filter((segment) => typeof segment === 'string' || typeof segment === 'number');
      const segments = typeof loc[0] === 'string' && LOCATIONS.includes(loc[0]) ? loc.slice(1) : loc;
      issues.push(issue(normalizePath(segments.map(String)), text(error['msg']) ?? '', codeOf(error['type'])));
    }
    return { code: firstCode(issues), issues };
  },
};

function isPydanticError(error: JsonObject): boolean {
  return Array.isArray(error['loc']) && text(error['msg']) !== undefined;
}
