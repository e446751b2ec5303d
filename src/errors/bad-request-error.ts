import { HttpError } from './http-error.js';

/** 400 Bad Request. */
export class BadRequestError extends HttpError {
  override readonly name = 'BadRequestError' as const;
}
