import { HttpError } from './http-error.js';

/** 406 Not Acceptable. */
export class NotAcceptableError extends HttpError {
  override readonly name = 'NotAcceptableError' as const;
}
