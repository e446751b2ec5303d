import {
  fieldErrors,
  formErrors,
  isHttpError,
  isNetworkError,
  isPreconditionFailedError,
  isRateLimitError,
  isResponseShapeError,
  isServerError,
  isSessionExpiredError,
  isTimeoutError,
} from '../../../src/index.ts';

/**
 * How a form shows any failure. One function for all three frameworks and for every source of field
 * errors: a 422 in any dialect, a 400, or a response that failed its schema.
 */
export interface ErrorView {
  kind: 'invalid' | 'conflict' | 'shape' | 'rate-limit' | 'unavailable' | 'session' | 'network' | 'other';
  /** One sentence for the top of the form. */
  summary: string;
  /** Messages by field, for the fields the form has. */
  fields: Record<string, string[]>;
  /** Messages that belong to no field of this form (form-level, or a field the form does not show). */
  form: string[];
  /** `HTTP 422 · laravel · CMN-101`: what fetchwise made of the response. */
  meta: string;
}

export function describeError(error: unknown, formFields: readonly string[]): ErrorView | undefined {
  if (error === null || error === undefined) return undefined;
  const fields: Record<string, string[]> = {};
  const form = [...formErrors(error)];
  for (const [path, messages] of Object.entries(fieldErrors(error))) {
    if (formFields.includes(path)) fields[path] = messages;
    else form.push(...messages.map((message) => `${path}: ${message}`));
  }
  const hasFieldErrors = Object.keys(fields).length > 0 || form.length > 0;
  const meta = isHttpError(error)
    ? [`HTTP ${error.status}`, error.problem.dialect, error.problem.code].filter(Boolean).join(' · ')
    : (error as Error).name;

  let kind: ErrorView['kind'] = 'other';
  let summary = (error as Error).message;
  if (isResponseShapeError(error)) {
    kind = 'shape';
    summary = `The server answered ${error.status}, but its body does not match the schema.`;
  } else if (isPreconditionFailedError(error)) {
    kind = 'conflict';
    summary = 'Someone else changed this contact since you opened it.';
  } else if (isRateLimitError(error)) {
    kind = 'rate-limit';
    summary = `Too many requests: try again in ${Math.ceil((error.retryAfter ?? 0) / 1000)} s.`;
  } else if (isServerError(error)) {
    kind = 'unavailable';
    summary = `The server failed (${error.status} ${error.problem.title}), even after retrying.`;
  } else if (isSessionExpiredError(error)) {
    kind = 'session';
    summary = 'Your session ended: sign in again.';
  } else if (isNetworkError(error) || isTimeoutError(error)) {
    kind = 'network';
    summary = 'The server could not be reached.';
  } else if (isHttpError(error) && hasFieldErrors) {
    kind = 'invalid';
    summary = 'Please correct the highlighted fields.';
  } else if (isHttpError(error)) {
    summary = error.problem.detail ?? error.problem.title;
  }
  return { kind, summary, fields, form, meta };
}

/** The edit form's fields, shared by the React, Vue and Svelte pages. */
export const contactFields = [
  { name: 'name', label: 'Name', type: 'text', autocomplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel' },
] as const;

export const contactFieldNames: readonly string[] = contactFields.map((field) => field.name);

export type ContactField = (typeof contactFields)[number];

/**
 * The fields an edit form shows: the phone only for a contact that has one. So the forms do not show
 * every field the API validates, and a server error for the phone (Laravel's "required when email is
 * not present") has no input to go under: the form adapters put it in the form's error area.
 */
export const shownFields = (contact: { phone: string } | undefined): readonly ContactField[] =>
  contact && contact.phone === '' ? contactFields.filter((field) => field.name !== 'phone') : contactFields;

/** Form-level messages as the adapters join them (one per line), as a list. */
export const messageLines = (message: unknown): string[] => (typeof message === 'string' && message !== '' ? message.split('\n') : []);
