import { jsonApiPointerToPath, normalizePath } from './paths.js';
import type { ProblemIssue } from './types.js';

type JsonObject = Record<string, unknown>;

const MAX_ITEMS = 1_000;
const MAX_DEPTH = 32;
/** A machine code: one token, no spaces (`invalid_grant`, `FST_ERR_VALIDATION`). Never applied to messages. */
export const TOKEN: RegExp = /^[\w.:-]+$/;

// The key lists, one string (space-separated keys, `|` between lists): first found wins where order matters.
const [
  /** Where an entry names its field, in the spellings real frameworks use; `name` last (see {@link ownPath}). */
  FIELD_KEYS,
  /** Where an entry carries its message. */
  MESSAGE_KEYS,
  /** Where an entry carries its code; the body's own code is in the first three. */
  CODE_KEYS,
  /** Members of the body, or of an entry, that hold further entries; top-level envelopes add the last three. */
  ENVELOPES,
  /** Keys of a field map that name no field: the form itself (the first is `''`). */
  FORM_KEYS,
  /** Request parts that prefix a path (`['body', 'name']`, `/body/name`, `{json: {name: […]}}`) but are no field. */
  LOCATIONS,
] = (
  'field path loc pointer propertyPath property param parameter parameterName instancePath dataPath target attribute key name' +
  '|message msg detail description defaultMessage title error text' +
  '|code errorCode error_code rule keyword type reason' +
  '|errors details issues violations fieldViolations nestedErrors invalid-params invalid_params validation fieldErrors formErrors detail message messages' +
  '| non_field_errors nonFieldErrors __all__ formErrors _schema base' +
  '|body query params path header headers cookie cookies json form files payload querystring'
)
  .split('|')
  .map((list) => list.split(' ')) as string[][] & [string[], string[], string[], string[], string[], string[]];
const NESTED_KEYS = ENVELOPES.slice(0, -3);

export const isArray: (value: unknown) => value is unknown[] = Array.isArray;

/** An object or a list (not `null`). */
const isNode = (value: unknown): value is object => typeof value === 'object' && value !== null;

export const isObject = (value: unknown): value is JsonObject => isNode(value) && !isArray(value);

/** A string with something in it, else `undefined`. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

export const codeOf = (value: unknown): string | undefined => (Number.isFinite(value) ? String(value) : text(value));

/** The first of `keys` whose value `read` accepts (read values are never `''`). */
const first = (object: JsonObject, keys: readonly string[], read: (value: unknown) => string | undefined): string | undefined =>
  keys.map((key) => read(object[key])).find((value) => value);

const join = (prefix: string, path: string): string => [prefix, path].filter((part) => part).join('.');

/** JSON carried inside a string (zod 4's ZodError message): the parsed array or object, else `undefined`. */
export function embeddedJson(value: unknown): unknown {
  try {
    // Text that starts with `[` or `{` parses to a list or an object, or throws.
    return typeof value === 'string' && /^\s*[[{]/.test(value) ? JSON.parse(value.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A field path from a string (a dotted or bracket path, a JSON or JSON:API pointer) or a segment list.
 * A leading request-part segment (`body`, `query`…) is dropped; a bare index left after it (a parse position)
 * is no field. Anything else: `undefined`.
 */
function pathOf(value: unknown): string | undefined {
  if (typeof value === 'string') value = (/^\s*#?\//.test(value) ? jsonApiPointerToPath(value) : normalizePath(value)).split('.');
  if (!isArray(value)) return undefined;
  const named = value.filter((segment) => typeof segment === 'string' || typeof segment === 'number');
  const rest = named.length > 1 && LOCATIONS.includes(named[0] as string) ? named.slice(1) : named;
  return rest.length === 1 && rest !== named && typeof rest[0] === 'number' ? '' : rest.join('.');
}

/** The path an entry names itself, or `undefined` when it names none. */
function ownPath(entry: JsonObject, listed?: boolean): string | undefined {
  // GraphQL: `path` (with `locations`) points into the response, not at an input.
  if (isArray(entry['locations'])) return '';
  // `name` names a field only in a list of entries (RFC 7807 `invalid-params`); on an error object it names the error.
  const key = (listed ? FIELD_KEYS : FIELD_KEYS.slice(0, -1)).find((field) => entry[field] != null);
  const source = entry['source'];
  return pathOf(key ? entry[key] : isObject(source) && (source['pointer'] ?? source['parameter']));
}

/** An entry's own message. `reason` is one only next to a field (RFC 7807 `{name, reason}`); alone it is a machine reason. */
const said = (entry: JsonObject, listed?: boolean): string | false | undefined =>
  first(entry, MESSAGE_KEYS, text) || (ownPath(entry, listed) != null && text(entry['reason']));

/** Does it read as one error (a message, or a list of nested entries), rather than a map of fields? */
const isEntry = (object: JsonObject, listed: boolean): unknown => said(object, listed) || NESTED_KEYS.some((key) => isArray(object[key]));

/**
 * Every issue in a body, depth-first in body order, bounded in depth (32) and count (1,000):
 * - a string is a message on the current path; a list, one value after another;
 * - an entry (an object with a message) sits on its own path (`field`, `loc`, `pointer`, `propertyPath`, …,
 *   `source.pointer`), else on the enclosing one; entries it nests (`errors`, `details`, `fieldViolations`, …) first;
 * - any other object is a field map: its keys extend the path, except form keys (`non_field_errors`, `""`)
 *   and, at the top, request parts (`body`, `json`, …).
 * The body's envelopes are read first; with none, a body whose every member is a list or object is a field map.
 */
export function readIssues(body: unknown): ProblemIssue[] {
  const issues: ProblemIssue[] = [];

  // `code` and `pointer` are never `''`: set only when given.
  const push = (path: string, message: string, code?: string | false, pointer?: string): void => {
    if (issues.length < MAX_ITEMS) issues.push({ path, message, ...(code && { code }), ...(pointer && { pointer }) });
  };

  const value = (item: unknown, path: string, depth: number, inherited?: string): void => {
    // (Once 1,000 issues are in, `push` adds no more; each list is read up to 1,000 items.)
    if (depth > MAX_DEPTH) return;
    const message = text(item);
    if (message) push(path, message);
    else if (isArray(item)) {
      item.slice(0, MAX_ITEMS).forEach((child: unknown, index) => {
        if (!isObject(child)) value(child, path, depth + 1, inherited);
        else if (isEntry(child, true)) entry(child, path, depth + 1, inherited, true);
        // An object without a message is a nested form (DRF list serializers) when all it holds is lists and
        // objects; its index is part of the path. Anything else (metadata, `@type` records) is no error.
        else if (Object.values(child).every((member) => typeof member === 'object')) map(child, join(path, `${index}`), depth + 1);
      });
    } else if (isObject(item)) {
      if (isEntry(item, false) || item['keys'] !== undefined) entry(item, path, depth, inherited, false);
      else map(item, path, depth);
    }
  };

  const map = (object: JsonObject, prefix: string, depth: number): void => {
    for (const [key, child] of Object.entries(object)) {
      const location = !prefix && LOCATIONS.includes(key) && (isObject(child) || key === 'json' || key === 'payload');
      value(child, FORM_KEYS.includes(key) || location ? prefix : join(prefix, normalizePath(key)), depth + 1);
    }
  };

  // `listed`: the entry is a member of a list, else of an object; left out (`undefined`) for the body's own
  // `error` object, whose message is the problem's detail: it adds an issue only when it names a field
  // (Stripe's `param`, OData's `target`).
  const entry = (item: JsonObject, prefix: string, depth: number, inherited?: string, listed?: boolean): void => {
    const before = issues.length;
    for (const key of NESTED_KEYS) if (typeof item[key] === 'object') value(item[key], prefix, depth + 1, text(item['message']));
    if (issues.length > before) return;
    const own = ownPath(item, listed);
    const message = said(item, listed) || inherited;
    if (!message) return;
    const embedded = embeddedJson(message);
    if (embedded) return value(embedded, prefix, depth + 1);
    if (listed === undefined && own == null) return;
    // A one-token title next to another message is the entry's code (seed 004: `{title: "invalid_type", detail}`).
    const title = text(item['title']);
    const code = [first(item, CODE_KEYS, codeOf), title && TOKEN.test(title) && title].find((candidate) => candidate && candidate !== message);
    const keys = item['keys'];
    const source = item['source'];
    if (isArray(keys)) {
      // hapi / celebrate: one message for several keys.
      for (const key of keys.slice(0, MAX_ITEMS)) if (typeof key === 'string') push(join(prefix, pathOf(key)!), message, code);
    } else {
      push(own ?? prefix, message, code, text(item['pointer']) ?? text(isObject(source) && source['pointer']));
    }
  };

  if (isArray(body)) value(body, '', 0);
  if (!isObject(body)) return issues;
  const envelopes = ENVELOPES.filter((key) => isNode(body[key]));
  for (const key of envelopes) value(body[key], '', 1, text(body['message']));
  if (isObject(body['error'])) entry(body['error'], '', 1);
  else if (!envelopes.length && Object.values(body).every(isNode)) map(body, '', 0);
  return issues;
}
