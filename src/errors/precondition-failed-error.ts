import { HttpError } from './http-error.js';

/** 412 Precondition Failed: the resource changed since it was read (lost update). Never retried. */
export class PreconditionFailedError extends HttpError {
  override readonly name = 'PreconditionFailedError' as const;
}
