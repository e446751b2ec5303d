import { HttpError } from './http-error.js';

/** 413 Content Too Large. */
export class PayloadTooLargeError extends HttpError {
  override readonly name = 'PayloadTooLargeError' as const;
}
