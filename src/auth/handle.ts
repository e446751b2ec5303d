import type { RequestSummary } from '../errors/fetchwise-error.js';

/** What the request pipeline needs from the auth layer (SPEC section 5). */
export interface AuthHandle {
  /**
   * Sets `Authorization` on `headers` when `url` is on an allowed origin (R-AUTH-ORIGIN) and a session
   * exists; returns the access token it attached, or `undefined`. May wait for a refresh already under way.
   */
  attach(url: string, headers: Headers, signal: AbortSignal | undefined): Promise<string | undefined>;
  /**
   * A request that carried `token` got a 401. Resolves once a newer token is available: one refreshed
   * elsewhere meanwhile is reused, otherwise exactly one refresh runs across all tabs (R-REFRESH-ONCE).
   * Rejects with `SessionExpiredError` when the session cannot be refreshed (R-REFRESH-FAIL), and with
   * the signal's reason on abort.
   */
  recover(token: string, request: RequestSummary, signal: AbortSignal | undefined): Promise<void>;
}
