import type { ServerErrorName } from './error-names.js';
import { HttpError } from './http-error.js';

/** 5xx. Retried (500, 502, 504) before it is thrown; 501, 505 and other 5xx never are. */
export class ServerError extends HttpError {
  override readonly name: ServerErrorName = 'ServerError';
}
