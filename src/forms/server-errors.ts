import { fieldErrors, formErrors } from '../errors/field-errors.js';
import { isHttpError } from '../errors/guards.js';

/** A fetchwise error split between the form's fields and its form-level error area. */
export interface ServerErrors<TName extends string = string> {
  /** Messages by field path, only for fields the form has. */
  fields: Partial<Record<TName, string[]>>;
  /**
   * Messages for the form's own error area: the errors tied to no field, then those for a field the
   * form does not have (prefixed with its path, so nothing is lost), or, when the error carried no
   * message at all (a 500 without a body, a network failure), one line saying what happened.
   */
  form: string[];
}

/**
 * Splits `error` (a fetchwise error, or anything: it then gives no messages) with `fieldErrors` and
 * `formErrors` between the fields `hasField` accepts and the form-level messages.
 */
export function splitServerErrors<TName extends string = string>(error: unknown, hasField: (path: string) => boolean): ServerErrors<TName> {
  const fields: Partial<Record<string, string[]>> = {};
  const form = [...formErrors(error)];
  let fieldCount = 0;
  for (const [path, messages] of Object.entries(fieldErrors(error))) {
    if (messages.length === 0) continue;
    if (path !== '' && hasField(path)) {
      // Own property even for a field named `__proto__` (the names come from the server).
      Object.defineProperty(fields, path, { value: messages, enumerable: true, writable: true, configurable: true });
      fieldCount++;
    } else {
      form.push(...messages.map((message) => (path === '' ? message : `${path}: ${message}`)));
    }
  }
  if (fieldCount === 0 && form.length === 0 && error != null) form.push(describe(error));
  return { fields: fields as Partial<Record<TName, string[]>>, form };
}

function describe(error: unknown): string {
  if (isHttpError(error)) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Several messages as one string, one per line (render it with `white-space: pre-line`, or split it). */
export const joinMessages = (messages: readonly string[]): string => messages.join('\n');
