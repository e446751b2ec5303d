import { HttpError } from './http-error.js';

/** 401 Unauthorized: no valid credentials (after one refresh, when auth is configured). */
export class UnauthorizedError extends HttpError {
  override readonly name = 'UnauthorizedError' as const;
}
