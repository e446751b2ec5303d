import { isFetchwiseError, isHttpError } from './guards.js';
import type { ResponseShapeError } from './response-shape-error.js';
import type { RequestShapeError } from './request-shape-error.js';

/** The two errors that carry schema issues instead of a problem: a response, or a mutation's variables. */
const hasIssues = (error: unknown): error is ResponseShapeError | RequestShapeError =>
  isFetchwiseError(error) && (error.name === 'ResponseShapeError' || error.name === 'RequestShapeError');

/**
 * Field messages by path (`items.0.name`) for any fetchwise error: a server's 400/422 problem,
 * a response that failed its schema, or mutation variables that failed theirs. Anything else gives `{}`. Ready for a form library's `setError`.
 */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (isHttpError(error)) return error.problem.fieldErrors;
  if (hasIssues(error)) return error.fieldErrors;
  return {};
}

/** Messages that belong to no field, for the same errors as {@link fieldErrors}. */
export function formErrors(error: unknown): string[] {
  if (isHttpError(error)) return error.problem.formErrors;
  if (hasIssues(error)) return error.formErrors;
  return [];
}
