import { normalizePath } from '../paths.js';
import type { ProblemIssue } from '../types.js';

/** A JSON object (never an array or null). */
export type JsonObject = Record<string, unknown>;

/** Arrays are read up to this many items: the issue list is capped at 1,000 anyway. */
export const MAX_ITEMS: number = 1_000;

/** Recursive walks (nested serializer errors and the like) stop at this depth. */
export const MAX_DEPTH: number = 32;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first {@link MAX_ITEMS} items of an array, or `[]` when it is not one. */
export function items(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [];
}

/** The first {@link MAX_ITEMS} items that are objects. */
export function objects(value: unknown): JsonObject[] {
  return items(value).filter(isObject);
}

/** A non-blank string, or `undefined`. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A machine code: a non-blank string, or a finite number as a string. */
export function codeOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}

/** `true` when the value is an array whose items are all strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** `true` when every key of the object is in `allowed`. */
export function onlyKeys(object: JsonObject, allowed: readonly string[]): boolean {
  return Object.keys(object).every((key) => allowed.includes(key));
}

export function issue(path: string, message: string, code?: string, pointer?: string): ProblemIssue {
  const result: ProblemIssue = { path, message };
  if (code !== undefined) result.code = code;
  if (pointer !== undefined) result.pointer = pointer;
  return result;
}

/**
 * `{field: ["msg", …]}` maps (Laravel, Rails, ASP.NET `errors`, zod `fieldErrors`).
 * Keys are normalised; a key in `formKeys` (and `''`) is form-level.
 * Returns `undefined` unless every value is a string or an array of strings.
 */
export function fieldMapIssues(map: unknown, formKeys: readonly string[] = []): ProblemIssue[] | undefined {
  if (!isObject(map)) return undefined;
  const result: ProblemIssue[] = [];
  for (const [key, value] of Object.entries(map)) {
    const messages = typeof value === 'string' ? [value] : value;
    if (!isStringArray(messages)) return undefined;
    const path = formKeys.includes(key) ? '' : normalizePath(key);
    for (const message of messages.slice(0, MAX_ITEMS)) result.push(issue(path, message));
  }
  return result;
}

/** The first issue code, for formats whose only codes are per issue. */
export function firstCode(issues: readonly ProblemIssue[]): string | undefined {
  return issues.find((item) => item.code !== undefined)?.code;
}
