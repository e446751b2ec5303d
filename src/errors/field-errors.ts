import { isFetchwiseError, isHttpError } from './guards.js';
import type { ResponseShapeError } from './response-shape-error.js';

/**
 * Field messages by path (`items.0.name`) for any fetchwise error: a server's 400/422 problem
 * or a response that failed its schema. Anything else gives `{}`. Ready for a form library's `setError`.
 */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (isHttpError(error)) return error.problem.fieldErrors;
  if (isFetchwiseError(error) && error.name === 'ResponseShapeError') return (error as ResponseShapeError).fieldErrors;
  return {};
}

/** Messages that belong to no field, for the same errors as {@link fieldErrors}. */
export function formErrors(error: unknown): string[] {
  if (isHttpError(error)) return error.problem.formErrors;
  if (isFetchwiseError(error) && error.name === 'ResponseShapeError') return (error as ResponseShapeError).formErrors;
  return [];
}
