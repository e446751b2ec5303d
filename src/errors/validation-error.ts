import { HttpError } from './http-error.js';

/**
 * 422 Unprocessable Content, with `fieldErrors` and `formErrors`.
 * Also a view on a 400 whose body carries field errors: `error instanceof ValidationError`
 * (and `isValidationError(error)`) is true for both, while the 400 stays a `BadRequestError`.
 */
export class ValidationError extends HttpError {
  override readonly name = 'ValidationError' as const;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof HttpError && isValidationFailure(value);
  }
}

export function isValidationFailure(error: HttpError): boolean {
  if (error.status === 422) return true;
  if (error.status !== 400) return false;
  for (const _ in error.problem.fieldErrors) return true;
  return false;
}
