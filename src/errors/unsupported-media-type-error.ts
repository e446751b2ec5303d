import { HttpError } from './http-error.js';

/** 415 Unsupported Media Type. */
export class UnsupportedMediaTypeError extends HttpError {
  override name: string = 'UnsupportedMediaTypeError';
}
