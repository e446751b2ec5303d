import { HttpError } from './http-error.js';

/** 409 Conflict. */
export class ConflictError extends HttpError {
  override readonly name = 'ConflictError' as const;
}
