import { HttpError } from './http-error.js';

/** 406 Not Acceptable. */
export class NotAcceptableError extends HttpError {
  override name: string = 'NotAcceptableError';
}
