import { HttpError } from './http-error.js';

/** 415 Unsupported Media Type. */
export class UnsupportedMediaTypeError extends HttpError {
  override readonly name = 'UnsupportedMediaTypeError' as const;
}
