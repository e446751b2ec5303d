import { HttpError } from './http-error.js';

/**
 * R-3XX-NOLOC: a 3xx other than 304 that reached the client, which only happens when it has no
 * `Location` (fetch follows the others itself). Idempotent requests were repeated once first (seed 000).
 */
export class RedirectError extends HttpError {
  override readonly name = 'RedirectError' as const;
}
