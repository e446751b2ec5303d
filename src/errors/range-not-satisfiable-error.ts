import { HttpError } from './http-error.js';

/** 416 Range Not Satisfiable. */
export class RangeNotSatisfiableError extends HttpError {
  override readonly name = 'RangeNotSatisfiableError' as const;
}
