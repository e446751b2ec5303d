import type { RequestSummary } from '../errors/fetchwise-error.js';
import { NetworkError } from '../errors/network-error.js';
import { SessionExpiredError } from '../errors/session-expired-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { maxTimerDelay } from '../retry/timer-limit.js';
import type { ResolvedAuthOptions } from './auth-options.js';
import { createLedger, type Ledger } from './ledger.js';
import { RefreshCoordinator } from './refresh-coordinator.js';
import { RefreshUnavailable, SessionEnded } from './refresh-failure.js';
import { SessionChannel } from './session-channel.js';
import { SessionState } from './session-state.js';
import { abortable, randomId } from './signals.js';
import { createTabLock } from './tab-lock.js';
import { watchStoredSession } from './storage-watch.js';
import { cleanSession, isSession, storageKey } from './token-store.js';
import type { AuthApi, AuthOptions, Session, SessionEvent } from './types.js';

/** What one activation installed; `dispose` removes exactly these. */
interface Activation {
  abort: AbortController;
  startup: Promise<void>;
  unsubscribe: Array<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * One client's auth layer. Only a weakly held `storage` watch (`storage: 'local'`, R-SHARED-SESSION) is
 * installed at `createClient`; the BroadcastChannel, start-up catch-up and proactive-refresh timer come
 * with the first use (a request, `subscribe`, `setSession`, `refresh`), and `dispose()` removes them. A
 * client created and dropped (StrictMode) holds nothing; a disposed one comes back on next use (HMR).
 */
export class Auth {
  readonly api: AuthApi;
  readonly #options: ResolvedAuthOptions;
  readonly #state: SessionState;
  readonly #ledger: Ledger;
  readonly #coordinator: RefreshCoordinator;
  readonly #channel: SessionChannel;
  #activation: Activation | undefined;
  #inflight: Promise<void> | undefined;
  /** Why this tab's last refresh ended the session (the cause of later `SessionExpiredError`s). */
  #endCause: unknown;
  #unwatch: (() => void) | undefined;
  /** Set when a session arrives already due (clock skew, `refreshBefore` too large): then only a 401 refreshes. */
  #expiresAtUntrusted = false;

  constructor(options: ResolvedAuthOptions) {
    this.#options = options;
    this.#state = new SessionState(options.onSessionExpired);
    const loaded = options.store.load();
    if (loaded && !(loaded instanceof Promise)) this.#state.apply({ ...loaded, status: 'active' }, 'signed-in', 'this-tab');
    this.#ledger = createLedger(options.channel, Math.min(2_000, options.lockTimeout / 2));
    const channel = new SessionChannel(options.channel);
    const lock = createTabLock({ name: options.channel, tabId: randomId(), ledger: this.#ledger, channel, timeout: options.lockTimeout });
    this.#coordinator = new RefreshCoordinator({
      state: this.#state,
      store: options.store,
      ledger: this.#ledger,
      channel,
      lock,
      refresh: options.refresh,
      timeout: options.lockTimeout,
    });
    this.#channel = channel;
    this.#watch();
    this.api = {
      setSession: (session) => this.#change(session),
      clearSession: () => this.#change(undefined),
      getAccessToken: () => this.#state.get().session?.accessToken,
      subscribe: (listener) => this.#subscribe(listener),
      refresh: () => this.#explicitRefresh(),
      dispose: () => this.#dispose(),
    };
  }

  async attach(url: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<string | undefined> {
    // R-AUTH-ORIGIN, on the final absolute URL. A caller's own Authorization header is left alone.
    if (!this.#options.origins?.allows(url) || 'authorization' in headers) return undefined;
    const activation = this.#activate();
    if (this.#state.get().status !== 'active') await abortable(activation.startup, signal);
    if (this.#inflight) await abortable(this.#inflight.catch(() => undefined), signal);
    let { session } = this.#state.get();
    // A token known to be expired is refreshed before sending rather than after a 401.
    if (session && this.#isDue(session)) {
      await abortable(this.#refreshOnce(session.accessToken, false).catch(() => undefined), signal);
      session = this.#state.get().session;
    }
    if (!session) return undefined;
    headers['authorization'] = `Bearer ${session.accessToken}`;
    return session.accessToken;
  }

  async recover(token: string, request: RequestSummary, signal: AbortSignal | undefined): Promise<void> {
    this.#activate();
    const local = this.#state.get();
    if (local.status === 'active' && local.session?.accessToken !== token) return; // refreshed meanwhile: replay
    if (local.status !== 'active') throw new SessionExpiredError(request, { cause: this.#endCause });
    try {
      await abortable(this.#refreshOnce(token, false), signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toRequestError(error, request);
    }
  }

  /** One refresh per tab at a time: concurrent 401s here share it (R-REFRESH-ONCE within the tab). */
  #refreshOnce(failedToken: string | undefined, withoutSession: boolean): Promise<void> {
    if (this.#inflight) return this.#inflight;
    const { abort } = this.#activate();
    const run = this.#coordinator
      .refresh(failedToken, withoutSession, abort.signal)
      .catch((error: unknown) => {
        // Later requests that find the session over are told why too (e.g. R-REFRESH-SHAPE).
        if (error instanceof SessionEnded) this.#endCause = error.cause;
        throw error;
      })
      .finally(() => {
        if (this.#inflight === run) this.#inflight = undefined;
      });
    this.#inflight = run;
    return run;
  }

  async #explicitRefresh(): Promise<void> {
    try {
      await this.#refreshOnce(this.#state.get().session?.accessToken, true);
    } catch (error) {
      throw toRequestError(error, { method: 'POST', url: 'client.auth.refresh()' });
    }
  }

  async #change(session: Session | undefined): Promise<void> {
    if (session !== undefined && !isSession(session)) {
      throw new TypeError('fetchwise: setSession expects { accessToken: string, refreshToken?: string, expiresAt?: number }');
    }
    const { abort } = this.#activate();
    await this.#coordinator.change(session && cleanSession(session), abort.signal);
  }

  #subscribe(listener: (event: SessionEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('fetchwise: auth.subscribe expects a function');
    this.#activate();
    return this.#state.subscribe(listener);
  }

  /** R-SHARED-SESSION: shared storage is watched from creation on, not from first use (see storage-watch.ts). */
  #watch(): void {
    if (this.#options.store.kind === 'local' && !this.#unwatch) this.#unwatch = watchStoredSession(storageKey(this.#options.channel), this.#state);
  }

  #activate(): Activation {
    if (this.#activation) return this.#activation;
    this.#watch();
    const activation: Activation = { abort: new AbortController(), startup: Promise.resolve(), unsubscribe: [], timer: undefined };
    this.#activation = activation;
    activation.unsubscribe.push(this.#channel.subscribe((message) => this.#coordinator.onMessage(message)));
    activation.unsubscribe.push(this.#state.subscribe((event) => this.#onChange(event)));
    activation.startup = this.#coordinator.start().catch(() => undefined);
    this.#schedule();
    return activation;
  }

  async #dispose(): Promise<void> {
    const activation = this.#activation;
    if (!activation) return this.#stopWatching();
    this.#activation = undefined;
    clearTimeout(activation.timer);
    // Stops lock waits; a refresh already holding the lock finishes (bounded by lockTimeout), so its
    // new session is committed and handed over rather than lost with a rotated refresh token.
    activation.abort.abort(new DOMException('fetchwise: the client was disposed', 'AbortError'));
    await this.#inflight?.catch(() => undefined);
    for (const unsubscribe of activation.unsubscribe) unsubscribe();
    if (!this.#activation) {
      this.#stopWatching();
      this.#ledger.close();
    }
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  #onChange(event: SessionEvent): void {
    const { session } = this.#state.get();
    if (event.type === 'refreshed' && session && this.#isDue(session)) {
      this.#expiresAtUntrusted = true;
      console.warn('fetchwise: a new session is already within auth.refreshBefore of its expiresAt (clock skew, or refreshBefore too large); refreshing on 401 only');
    }
    this.#schedule();
  }

  /** Proactive refresh: a timer at `expiresAt - refreshBefore`, in every tab; the lock lets one refresh and the rest adopt. */
  #schedule(): void {
    const activation = this.#activation;
    if (!activation) return;
    clearTimeout(activation.timer);
    activation.timer = undefined;
    const { refreshBefore } = this.#options;
    const { session, status } = this.#state.get();
    if (refreshBefore === undefined || this.#expiresAtUntrusted || status !== 'active' || session?.expiresAt === undefined) return;
    const delay = Math.min(maxTimerDelay, Math.max(0, session.expiresAt - refreshBefore - Date.now()));
    const token = session.accessToken;
    activation.timer = setTimeout(() => {
      activation.timer = undefined;
      if (this.#activation === activation && this.#state.get().session?.accessToken === token) {
        this.#refreshOnce(token, false).catch(() => undefined);
      }
    }, delay);
  }

  #isDue(session: Session): boolean {
    return !this.#expiresAtUntrusted && session.expiresAt !== undefined && Date.now() >= session.expiresAt - (this.#options.refreshBefore ?? 0);
  }
}

/** R-TOKEN-SECRET: what a request rejects with carries its own summary and a sanitised cause only. */
function toRequestError(error: unknown, request: RequestSummary): unknown {
  if (error instanceof SessionEnded) return new SessionExpiredError(request, { cause: error.cause });
  // R-REFRESH-BOUND: a refresh that hung past lockTimeout is a TimeoutError: the session is not known to be
  // over (a slow identity provider must not sign every tab out), and the request was not sent again.
  if (error instanceof RefreshUnavailable && error.timeout !== undefined) return new TimeoutError(request, { timeout: error.timeout, retryable: false, cause: error.cause });
  if (error instanceof RefreshUnavailable) return new NetworkError(request, { retryable: true, cause: error.cause });
  return error;
}
