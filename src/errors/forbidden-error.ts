import { HttpError } from './http-error.js';

/** 403 Forbidden. */
export class ForbiddenError extends HttpError {
  override readonly name = 'ForbiddenError' as const;
}
