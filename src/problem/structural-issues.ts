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
export const isNode = (value: unknown): value is object => typeof value === 'object' && value !== null;

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
    // Text that starts with `[` or `{` parses to a list or an object, or throws. (Tested first: a throw per
    // message made a body of 1,000 messages read 6× slower.)
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
  const located = named.length > 1 && LOCATIONS.includes(named[0] as string);
  if (located) named.shift();
  return located && named.length === 1 && typeof named[0] === 'number' ? '' : named.join('.');
}

/**
 * Where the walk found an object, when not in a list (a list member gets its index) nor as a member of an object
 * (no place given).
 */
const enum Place {
  BodyError = -1,
  Body = -2,
}

/**
 * Every issue in a body, depth-first in body order, bounded in depth (32) and count (1,000):
 * - a string is a message on the current path; a list, one value after another;
 * - an entry (an object with a message, or with a list of nested entries) sits on its own path (`field`, `loc`,
 *   `pointer`, `propertyPath`, …, `source.pointer`), else on the enclosing one; entries it nests (`errors`,
 *   `details`, `fieldViolations`, …) first;
 * - any other object is a field map: its keys extend the path, except form keys (`non_field_errors`, `""`)
 *   and, at the top, request parts (`body`, `json`, …). In a list, only an object of lists and objects is one
 *   (DRF list serializers; its index is part of the path): anything else there (metadata, `@type`) is no error.
 * The body's envelopes are read first; with none, a body whose every member is a list or object is a field map.
 */
export function readIssues(body: unknown[] | JsonObject): ProblemIssue[] {
  const issues: ProblemIssue[] = [];

  // (Once 1,000 issues are in, `push` adds no more; each list is read up to 1,000 items.) An issue has a code or
  // pointer only when the body gives one (`structural.parse` is public: a dialect may spread its issues).
  const push = (path: string, message: string, code?: string, pointer?: string): unknown =>
    issues.length < MAX_ITEMS && issues.push({ path, message, ...(code && { code }), ...(pointer && { pointer }) });

  /** `inherited`: the enclosing entry's (or body's) message; `at`: the node's index in a list, or its {@link Place}. */
  const walk = (node: unknown, path: string, depth: number, inherited?: string, at?: number): unknown => {
    if (depth > MAX_DEPTH) return;
    let message = text(node);
    if (message) return push(path, message);
    if (isArray(node)) return node.slice(0, MAX_ITEMS).forEach((child, index) => walk(child, path, depth + 1, inherited, index));
    if (!isObject(node)) return;
    if (at === Place.Body) {
      // The body's envelopes first, then its `error` object; with neither, a body of lists and objects is a field map.
      for (const key of ENVELOPES) if (typeof node[key] === 'object') walk(node[key], '', 1, text(node['message']));
      if (isObject(node['error'])) return walk(node['error'], '', 1, undefined, Place.BodyError);
      if (ENVELOPES.some((key) => isNode(node[key])) || !Object.values(node).every(isNode)) return;
    }
    const listed = at! >= 0;
    // GraphQL: `path` (with `locations`) points into the response, not at an input. `name` names a field only
    // in a list of entries (RFC 7807 `invalid-params`); on an error object it names the error.
    const key = FIELD_KEYS.find((field) => node[field] != null && (listed || field !== 'name'));
    const source: JsonObject = Object(node['source']);
    const own = isArray(node['locations']) ? '' : pathOf(key ? node[key] : (source['pointer'] ?? source['parameter']));
    // `reason` is a message only next to a field (RFC 7807 `{name, reason}`); alone it is a machine reason.
    message = first(node, MESSAGE_KEYS, text) || text(own != null && node['reason']);
    if (at !== Place.BodyError && !message && !NESTED_KEYS.some((nested) => isArray(node[nested])) && (at != null || node['keys'] === undefined)) {
      if (!listed || Object.values(node).every((member) => typeof member === 'object')) {
        const prefix = listed ? join(path, `${at}`) : path;
        for (const [name, child] of Object.entries(node)) {
          const location = !prefix && LOCATIONS.includes(name) && (isObject(child) || name === 'json' || name === 'payload');
          walk(child, FORM_KEYS.includes(name) || location ? prefix : join(prefix, normalizePath(name)), depth + 1);
        }
      }
      return;
    }
    const before = issues.length;
    for (const nested of NESTED_KEYS) if (typeof node[nested] === 'object') walk(node[nested], path, depth + 1, text(node['message']));
    if (issues.length > before || !(message ||= inherited)) return;
    // (Parsed twice rather than held: JSON inside a message is rare.)
    if (embeddedJson(message)) return walk(embeddedJson(message), path, depth + 1);
    // The body's `error` object: its message is the problem's detail; it adds an issue only when it names a
    // field (Stripe's `param`, OData's `target`).
    if (at === Place.BodyError && own == null) return;
    // A one-token title next to another message is the entry's code (seed 004: `{title: "invalid_type", detail}`).
    const title = text(node['title']);
    // (With no title, TOKEN tests the text 'undefined' and the candidate is the missing title.)
    const code = [first(node, CODE_KEYS, codeOf), TOKEN.test(title!) && title].find((candidate) => candidate && candidate !== message) as string | undefined;
    const keys = node['keys'];
    if (isArray(keys)) {
      // hapi / celebrate: one message for several keys (the first 1,000, like every list).
      for (const name of keys.slice(0, MAX_ITEMS)) if (typeof name === 'string') push(join(path, pathOf(name)!), message, code);
    } else {
      push(own ?? path, message, code, text(node['pointer']) ?? text(source['pointer']));
    }
  };

  walk(body, '', 0, undefined, Place.Body);
  return issues;
}
