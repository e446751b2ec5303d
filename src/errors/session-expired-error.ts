import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/** The session could not be refreshed (in this tab or another): the user must sign in again. */
export class SessionExpiredError extends FetchwiseError {
  override readonly name = 'SessionExpiredError' as const;

  constructor(request: RequestSummary, options?: { cause?: unknown }) {
    super(`${request.method} ${request.url} failed: the session expired`, request, options);
  }
}
