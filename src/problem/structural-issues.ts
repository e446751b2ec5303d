import { jsonApiPointerToPath, normalizePath } from './paths.js';
import type { ProblemIssue } from './types.js';

type JsonObject = Record<string, unknown>;

const MAX_ITEMS = 1_000;
/** A machine code: one token, no spaces (`invalid_grant`, `FST_ERR_VALIDATION`). Never applied to messages. */
export const TOKEN = /^[\w.:-]+$/;
const MAX_DEPTH = 32;

/** Where an entry names its field, in the spellings real frameworks use (first found wins). */
const FIELD_KEYS = ['field', 'path', 'loc', 'pointer', 'propertyPath', 'property', 'param', 'parameter', 'parameterName', 'instancePath', 'dataPath', 'target', 'attribute', 'key', 'name'];
/** Where an entry carries its message (first found wins). */
const MESSAGE_KEYS = ['message', 'msg', 'detail', 'description', 'defaultMessage', 'title', 'error', 'text'];
const CODE_KEYS = ['code', 'errorCode', 'error_code', 'rule', 'keyword', 'type', 'reason'];
/** Members of an entry (or of an error object) that hold further entries. */
export const NESTED_KEYS = ['errors', 'details', 'issues', 'violations', 'fieldViolations', 'nestedErrors', 'invalid-params', 'invalid_params', 'validation', 'fieldErrors', 'formErrors'];
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

function first(object: JsonObject, keys: readonly string[], read: (value: unknown) => string | undefined): string | undefined {
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
  const named = segments.filter((segment) => typeof segment === 'string' || typeof segment === 'number').slice(0, MAX_DEPTH);
  if (named.length > 1 && LOCATIONS.includes(String(named[0]))) {
    const rest = named.slice(1);
    return rest.length === 1 && typeof rest[0] === 'number' ? '' : normalizePath(rest.map(String));
  }
  return normalizePath(named.map(String));
}

function pathOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return dropLocation(value);
  const raw = typeof value === 'string' ? value.trim() : undefined;
  if (raw === undefined) return undefined;
  const pointer = raw.startsWith('#/') ? raw.slice(1) : raw;
  if (pointer.startsWith('/')) {
    const path = jsonApiPointerToPath(pointer);
    return dropLocation(path === '' ? [] : path.split('.'));
  }
  return dropLocation(normalizePath(raw).split('.'));
}

/** The path an entry names itself, or `undefined` when it names none. */
function ownPath(entry: JsonObject, listed: boolean): string | undefined {
  // GraphQL: `path` (with `locations`) points into the response, not at an input.
  if (Array.isArray(entry['locations'])) return '';
  // `name` names a field only in a list of entries (RFC 7807 `invalid-params`); on an error object it names the error.
  for (const key of FIELD_KEYS) if (entry[key] != null && (listed || key !== 'name')) return pathOf(entry[key]);
  const source = entry['source'];
  if (isObject(source)) return pathOf(source['pointer'] ?? source['parameter']);
  return undefined;
}

/** Does it read as one error (a message, or nested entries), rather than a map of fields? */
function isEntry(object: JsonObject, listed: boolean): boolean {
  if (first(object, MESSAGE_KEYS, text) !== undefined) return true;
  if (text(object['reason']) !== undefined && ownPath(object, listed) !== undefined) return true;
  return NESTED_KEYS.some((key) => Array.isArray(object[key]));
}

/** Reads issues out of any value, depth-first, in body order; bounded in depth and count. */
export class IssueCollector {
  readonly issues: ProblemIssue[] = [];

  push(path: string, message: string, code?: string, pointer?: string): void {
    if (this.issues.length >= MAX_ITEMS) return;
    const item: ProblemIssue = { path, message };
    if (code !== undefined) item.code = code;
    if (pointer !== undefined) item.pointer = pointer;
    this.issues.push(item);
  }

  /** A value found under `path`: a message, a list, an entry or a field map. */
  value(value: unknown, path: string, depth: number, inherited?: string): void {
    if (depth > MAX_DEPTH || this.issues.length >= MAX_ITEMS) return;
    if (typeof value === 'string') {
      if (value.trim() !== '') this.push(path, value);
    } else if (Array.isArray(value)) {
      const list = value.slice(0, MAX_ITEMS);
      for (let index = 0; index < list.length; index++) {
        const item = list[index];
        if (!isObject(item)) this.value(item, path, depth + 1, inherited);
        else if (isEntry(item, true)) this.entry(item, path, depth + 1, inherited, true);
        // An object without a message is a nested form (DRF list serializers) when all it holds is lists and
        // objects; its index is part of the path. Anything else (metadata, `@type` records) is no error.
        else if (Object.values(item).every((child) => typeof child === 'object')) this.map(item, join(path, String(index)), depth + 1);
      }
    } else if (isObject(value)) {
      if (isEntry(value, false) || value['keys'] !== undefined) this.entry(value, path, depth, inherited, false);
      else this.map(value, path, depth);
    }
  }

  /** `{field: messages}`: keys are paths; form keys and (at the top) request parts add nothing to the path. */
  map(object: JsonObject, prefix: string, depth: number): void {
    for (const key of Object.keys(object)) {
      const child = object[key];
      const location = prefix === '' && LOCATIONS.includes(key) && (isObject(child) || key === 'json' || key === 'payload');
      this.value(child, FORM_KEYS.includes(key) || location ? prefix : join(prefix, normalizePath(key)), depth + 1);
    }
  }

  /**
   * One error: its nested entries, then its own message on its own path (else on the enclosing one;
   * with `fieldOnly`, as for the body's own `error` object whose message is the detail, only on its own path).
   */
  entry(entry: JsonObject, prefix: string, depth: number, inherited: string | undefined, listed: boolean, fieldOnly = false): void {
    const before = this.issues.length;
    for (const key of NESTED_KEYS) if (typeof entry[key] === 'object') this.value(entry[key], prefix, depth + 1, text(entry['message']));
    if (this.issues.length > before) return;
    const own = ownPath(entry, listed);
    // `reason` is a message only next to a field (RFC 7807 `{name, reason}`); alone it is a machine reason.
    const message = first(entry, MESSAGE_KEYS, text) ?? (own !== undefined ? text(entry['reason']) : undefined) ?? inherited;
    if (message === undefined) return;
    const embedded = embeddedJson(message);
    if (embedded !== undefined) return this.value(embedded, prefix, depth + 1);
    if (fieldOnly && own === undefined) return;
    // A one-token title next to another message is the entry's code (seed 004: `{title: "invalid_type", detail}`).
    const title = text(entry['title']);
    const listedCode = first(entry, CODE_KEYS, codeOf);
    const code = (listedCode !== message ? listedCode : undefined) ?? (title !== message && title !== undefined && TOKEN.test(title) ? title : undefined);
    const source = entry['source'];
    const pointer = text(entry['pointer']) ?? (isObject(source) ? text(source['pointer']) : undefined);
    const keys = entry['keys'];
    if (Array.isArray(keys)) {
      // hapi / celebrate: one message for several keys.
      for (const key of keys.slice(0, MAX_ITEMS)) if (typeof key === 'string') this.push(join(prefix, pathOf(key) ?? ''), message, code);
      return;
    }
    this.push(own ?? prefix, message, code, pointer);
  }
}
