import { HttpError } from './http-error.js';

/**
 * 428 Precondition Required (RFC 6585): the server only accepts this write with `If-Match` (or
 * `If-Unmodified-Since`). fetchwise sends `If-Match` when it knows a strong ETag for the URL, so this
 * usually means the resource was never read (or only with a weak ETag): read it, then write. Never retried.
 */
export class PreconditionRequiredError extends HttpError {
  override readonly name = 'PreconditionRequiredError' as const;
}
