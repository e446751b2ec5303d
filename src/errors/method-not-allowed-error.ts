import { HttpError } from './http-error.js';

/** 405 Method Not Allowed. */
export class MethodNotAllowedError extends HttpError {
  override readonly name = 'MethodNotAllowedError' as const;
}
