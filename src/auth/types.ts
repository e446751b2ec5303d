/** What `refresh` resolves with and `setSession` takes. */
export interface Session {
  accessToken: string;
  /**
   * Omit for a cookie-based refresh (the refresh token lives in an httpOnly cookie). When `refresh`
   * resolves without one, the current refresh token is kept (a provider that does not rotate).
   */
  refreshToken?: string;
  /** Epoch milliseconds when the access token expires, if known. */
  expiresAt?: number;
}

/** Passed to your `refresh` function. */
export interface RefreshContext {
  /**
   * The session being refreshed (its `refreshToken` is the one to present). `undefined` when
   * `client.auth.refresh()` runs without a session, e.g. at start-up with a cookie-based refresh.
   */
  session: Session | undefined;
  /** Aborts when the refresh is given up (it took longer than `lockTimeout`, or another tab took over). Pass it to `fetch`. */
  signal: AbortSignal;
}

/**
 * Where the session is kept. A custom store must be safe to call from every tab. fetchwise keeps its
 * own copy in memory and calls `set` from the tab that refreshed or signed in; `get` is read at
 * start-up and, inside the cross-tab lock, as a hint that another tab already refreshed.
 */
export interface SessionStore {
  get(): Session | undefined | Promise<Session | undefined>;
  set(session: Session | undefined): void | Promise<void>;
}

/** Session events, in this tab and from other tabs. */
export type SessionEvent =
  | { type: 'refreshed'; source: 'this-tab' | 'other-tab' }
  | { type: 'signed-in'; source: 'this-tab' | 'other-tab' }
  | { type: 'signed-out'; source: 'this-tab' | 'other-tab' }
  | { type: 'expired'; source: 'this-tab' | 'other-tab' };

export interface AuthOptions {
  /**
   * Gets a new session from your identity provider. Reject when the session is over (`invalid_grant`):
   * every tab is then signed out. A network failure (a `TypeError` from `fetch`, a `NetworkError` or
   * `TimeoutError`, an HTTP 5xx, 408 or 429 error carrying `status`) keeps the session and fails only
   * the requests that waited for this refresh.
   */
  refresh: (context: RefreshContext) => Promise<Session>;
  /** Origins the access token may be sent to (`https://api.example.com`). @default the `baseUrl` origin (the page origin when none) */
  origins?: readonly string[];
  /**
   * `'memory'`: this tab's memory only (other tabs get the session over BroadcastChannel);
   * `'session'`: sessionStorage (this tab, survives reloads); `'local'`: localStorage and IndexedDB
   * (every tab, survives restarts); or your own store. @default 'memory'
   */
  storage?: 'memory' | 'session' | 'local' | SessionStore;
  /** Name of the Web Lock, BroadcastChannel and storage key shared by the tabs. @default 'fetchwise-auth' */
  channel?: string;
  /** Called in every tab when the session cannot be refreshed. */
  onSessionExpired?: () => void;
  /**
   * The longest one refresh may take (its `signal` aborts then), and how long a tab waits for the
   * cross-tab lock before checking whether its holder is still alive; a holder that stopped answering
   * (a frozen tab) is taken over. @default 10_000
   */
  lockTimeout?: number;
  /** Refresh this many ms before the session's `expiresAt`, in the background. @default undefined (refresh on 401 only) */
  refreshBefore?: number;
}

/** `client.auth`. */
export interface AuthApi {
  /** Signs in: stores the session and hands it to every tab. */
  setSession(session: Session): Promise<void>;
  /** Signs out in every tab. */
  clearSession(): Promise<void>;
  /** This tab's current access token. */
  getAccessToken(): string | undefined;
  /** Session events from this tab and the others. Returns the unsubscribe function. */
  subscribe(listener: (event: SessionEvent) => void): () => void;
  /**
   * Gets a fresh session now: reuses one another tab just got, or refreshes (once across tabs). Without a
   * session this calls `refresh` with `session: undefined`, the start-up step of a cookie-based refresh.
   * Rejects with `SessionExpiredError` when the refresh is rejected.
   */
  refresh(): Promise<void>;
  /**
   * Releases what this client holds in the browser: BroadcastChannel, timers, lock requests, the
   * IndexedDB connection. A refresh under way is allowed to finish first (bounded by `lockTimeout`).
   * The client stays usable: the next request or call installs them again (React StrictMode, HMR).
   */
  dispose(): Promise<void>;
}
