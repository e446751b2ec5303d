import type { Dialect, ProblemIssue } from '../types.js';
import { MAX_DEPTH, MAX_ITEMS, isObject, issue, onlyKeys, text } from './shared.js';

const NON_FIELD = 'non_field_errors';

interface Walk {
  issues: ProblemIssue[];
  /** Seen a nested serializer, a list serializer or `non_field_errors`: something only DRF does. */
  distinctive: boolean;
}

/**
 * Django REST Framework: `{detail: "Not found."}` and serializer errors:
 * `{field: ["msg"], non_field_errors: ["msg"]}`, nested serializers `{user: {email: ["msg"]}}`,
 * list serializers `{items: [{name: ["msg"]}, {}]}` (DRF < 3.17) or `{items: {"1": {name: ["msg"]}}}`
 * and bulk `[{}, {id: ["msg"]}]`. `non_field_errors` belongs to the enclosing object (form-level at the top).
 * A flat `{field: ["msg"]}` map with none of these is read by the Rails dialect (tried first): the two are
 * indistinguishable.
 * The walk stops at depth 32 and after 1,000 issues.
 */
export const drf: Dialect = {
  name: 'drf',
  parse(body, context) {
    if (isObject(body) && text(body['detail']) !== undefined && onlyKeys(body, ['detail', 'status_code'])) {
      return { detail: text(body['detail']) };
    }
    if (Array.isArray(body) && (context.status !== 400 || !body.every(isObject))) return undefined;
    const walk: Walk = { issues: [], distinctive: Array.isArray(body) };
    if (!isObject(body) && !Array.isArray(body)) return undefined;
    if (!visit(body, '', 0, walk) || !walk.distinctive || walk.issues.length === 0) return undefined;
    return { issues: walk.issues };
  },
};

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** Returns `false` when the value is not a DRF error structure. */
function visit(value: unknown, path: string, depth: number, walk: Walk): boolean {
  if (depth > MAX_DEPTH || walk.issues.length >= MAX_ITEMS) return true;
  if (Array.isArray(value)) {
    for (const [index, item] of value.slice(0, MAX_ITEMS).entries()) {
      if (typeof item === 'string') {
        if (item.trim() !== '') walk.issues.push(issue(path, item));
      } else if (isObject(item) || Array.isArray(item)) {
        walk.distinctive = true;
        if (!visit(item, join(path, index), depth + 1, walk)) return false;
      } else {
        return false;
      }
    }
    return true;
  }
  if (!isObject(value)) return false;
  for (const [key, child] of Object.entries(value)) {
    // Field values are lists or nested objects; a bare string or number means this is some other format.
    if (!Array.isArray(child) && !isObject(child)) return false;
    if (key === NON_FIELD || isObject(child)) walk.distinctive = true;
    if (!visit(child, key === NON_FIELD ? path : join(path, key), depth + 1, walk)) return false;
  }
  return true;
}
