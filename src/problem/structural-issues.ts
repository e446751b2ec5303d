import { jsonApiPointerToPath, normalizePath } from './paths.js';
import type { ProblemIssue } from './types.js';

type JsonObject = Record<string, unknown>;

const MAX_ITEMS = 1_000;
const MAX_DEPTH = 32;
/** A machine code: one token, no spaces (`invalid_grant`, `FST_ERR_VALIDATION`). Never applied to messages. */
export const TOKEN: RegExp = /^[\w.:-]+$/;

/** Where an entry names its field, in the spellings real frameworks use (first found wins). */
const FIELD_KEYS = ['field', 'path', 'loc', 'pointer', 'propertyPath', 'property', 'param', 'parameter', 'parameterName', 'instancePath', 'dataPath', 'target', 'attribute', 'key', 'name'];
/** Where an entry carries its message (first found wins). */
const MESSAGE_KEYS = ['message', 'msg', 'detail', 'description', 'defaultMessage', 'title', 'error', 'text'];
const CODE_KEYS = ['code', 'errorCode', 'error_code', 'rule', 'keyword', 'type', 'reason'];
/** Members of the body, or of an entry, that hold further entries. */
const NESTED_KEYS = ['errors', 'details', 'issues', 'violations', 'fieldViolations', 'nestedErrors', 'invalid-params', 'invalid_params', 'validation', 'fieldErrors', 'formErrors'];
/** Top-level members that may hold the issues; `error` is read as an entry. */
const ENVELOPES = [...NESTED_KEYS, 'detail', 'message', 'messages'];
/** Keys of a field map that name no field: the form itself. */
const FORM_KEYS = ['', 'non_field_errors', 'nonFieldErrors', '__all__', 'formErrors', '_schema', 'base'];
/** Request parts that prefix a path (`['body', 'name']`, `/body/name`, `{json: {name: […]}}`) but are no field. */
const LOCATIONS = ['body', 'query', 'params', 'path', 'header', 'headers', 'cookie', 'cookies', 'json', 'form', 'files', 'payload', 'querystring'];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function codeOf(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

export function first(object: JsonObject, keys: readonly string[], read: (value: unknown) => string | undefined): string | undefined {
  for (const key of keys) {
    const value = read(object[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function join(prefix: string, path: string): string {
  return prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`;
}

/** JSON carried inside a string (zod 4's ZodError message): the parsed array or object, else `undefined`. */
export function embeddedJson(value: unknown): unknown {
  const raw = text(value)?.trim();
  if (raw === undefined || !/^[[{]/.test(raw)) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Drops a leading request-part segment (`body`, `query`…); a bare index left after it (a parse position) is no field. */
function dropLocation(segments: readonly unknown[]): string {
  const named = segments.filter((segment) => typeof segment === 'string' || typeof segment === 'number');
  const rest = named.length > 1 && LOCATIONS.includes(String(named[0])) ? named.slice(1) : named;
  return rest.length === 1 && rest !== named && typeof rest[0] === 'number' ? '' : normalizePath(rest.map(String));
}

function pathOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return dropLocation(value);
  if (typeof value !== 'string') return undefined;
  const raw = value.trim().replace(/^#\//, '/');
  const path = raw.startsWith('/') ? jsonApiPointerToPath(raw) : normalizePath(raw);
  return dropLocation(path.split('.'));
}

/** The path an entry names itself, or `undefined` when it names none. */
function ownPath(entry: JsonObject, listed: boolean): string | undefined {
  // GraphQL: `path` (with `locations`) points into the response, not at an input.
  if (Array.isArray(entry['locations'])) return '';
  // `name` names a field only in a list of entries (RFC 7807 `invalid-params`); on an error object it names the error.
  for (const key of FIELD_KEYS) if (entry[key] != null && (listed || key !== 'name')) return pathOf(entry[key]);
  const source = entry['source'];
  return isObject(source) ? pathOf(source['pointer'] ?? source['parameter']) : undefined;
}

/** Does it read as one error (a message, or a list of nested entries), rather than a map of fields? */
function isEntry(object: JsonObject, listed: boolean): boolean {
  if (first(object, MESSAGE_KEYS, text) !== undefined) return true;
  if (text(object['reason']) !== undefined && ownPath(object, listed) !== undefined) return true;
  return NESTED_KEYS.some((key) => Array.isArray(object[key]));
}

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

  const push = (path: string, message: string, code?: string, pointer?: string): void => {
    if (issues.length >= MAX_ITEMS) return;
    const item: ProblemIssue = { path, message };
    if (code !== undefined) item.code = code;
    if (pointer !== undefined) item.pointer = pointer;
    issues.push(item);
  };

  const value = (item: unknown, path: string, depth: number, inherited?: string): void => {
    if (depth > MAX_DEPTH || issues.length >= MAX_ITEMS) return;
    if (typeof item === 'string') {
      if (item.trim() !== '') push(path, item);
    } else if (Array.isArray(item)) {
      const list = item.slice(0, MAX_ITEMS);
      for (let index = 0; index < list.length; index++) {
        const child = list[index];
        if (!isObject(child)) value(child, path, depth + 1, inherited);
        else if (isEntry(child, true)) entry(child, path, depth + 1, inherited, true);
        // An object without a message is a nested form (DRF list serializers) when all it holds is lists and
        // objects; its index is part of the path. Anything else (metadata, `@type` records) is no error.
        else if (Object.values(child).every((member) => typeof member === 'object')) map(child, join(path, String(index)), depth + 1);
      }
    } else if (isObject(item)) {
      if (isEntry(item, false) || item['keys'] !== undefined) entry(item, path, depth, inherited, false);
      else map(item, path, depth);
    }
  };

  const map = (object: JsonObject, prefix: string, depth: number): void => {
    for (const key of Object.keys(object)) {
      const child = object[key];
      const location = prefix === '' && LOCATIONS.includes(key) && (isObject(child) || key === 'json' || key === 'payload');
      value(child, FORM_KEYS.includes(key) || location ? prefix : join(prefix, normalizePath(key)), depth + 1);
    }
  };

  // `fieldOnly`: the body's own `error` object, whose message is the problem's detail, adds an issue only
  // when it names a field (Stripe's `param`, OData's `target`).
  const entry = (item: JsonObject, prefix: string, depth: number, inherited: string | undefined, listed: boolean, fieldOnly = false): void => {
    const before = issues.length;
    for (const key of NESTED_KEYS) if (typeof item[key] === 'object') value(item[key], prefix, depth + 1, text(item['message']));
    if (issues.length > before) return;
    const own = ownPath(item, listed);
    // `reason` is a message only next to a field (RFC 7807 `{name, reason}`); alone it is a machine reason.
    const message = first(item, MESSAGE_KEYS, text) ?? (own !== undefined ? text(item['reason']) : undefined) ?? inherited;
    if (message === undefined) return;
    const embedded = embeddedJson(message);
    if (embedded !== undefined) return value(embedded, prefix, depth + 1);
    if (fieldOnly && own === undefined) return;
    // A one-token title next to another message is the entry's code (seed 004: `{title: "invalid_type", detail}`).
    const title = text(item['title']);
    const listedCode = first(item, CODE_KEYS, codeOf);
    const code = (listedCode !== message ? listedCode : undefined) ?? (title !== message && title !== undefined && TOKEN.test(title) ? title : undefined);
    const source = item['source'];
    const pointer = text(item['pointer']) ?? (isObject(source) ? text(source['pointer']) : undefined);
    const keys = item['keys'];
    if (Array.isArray(keys)) {
      // hapi / celebrate: one message for several keys.
      for (const key of keys.slice(0, MAX_ITEMS)) if (typeof key === 'string') push(join(prefix, pathOf(key) ?? ''), message, code);
    } else {
      push(own ?? prefix, message, code, pointer);
    }
  };

  if (Array.isArray(body)) value(body, '', 0);
  if (!isObject(body)) return issues;
  let found = false;
  for (const key of ENVELOPES) {
    const member = body[key];
    if (typeof member !== 'object' || member === null) continue;
    found = true;
    value(member, '', 1, text(body['message']));
  }
  if (isObject(body['error'])) {
    found = true;
    entry(body['error'], '', 1, undefined, false, true);
  }
  const members = Object.values(body);
  if (!found && members.length > 0 && members.every((member) => typeof member === 'object' && member !== null)) map(body, '', 0);
  return issues;
}
