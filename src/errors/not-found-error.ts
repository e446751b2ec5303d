import { HttpError } from './http-error.js';

/** 404 Not Found (a DELETE answered 404 resolves instead, with `alreadyGone`). */
export class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError' as const;
}
