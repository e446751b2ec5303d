import { LedgerBlocked, readLedger, type Ledger, type LedgerRecord } from './ledger.js';
import { describeFailure, isTransientFailure, notASession, RefreshUnavailable, SessionEnded } from './refresh-failure.js';
import type { ChannelMessage, SessionChannel } from './session-channel.js';
import type { ChangeReason, SessionState } from './session-state.js';
import { abortable, anySignal } from './signals.js';
import type { Held, TabLock } from './tab-lock.js';
import { cleanSession, isSession, type TokenStore } from './token-store.js';
import type { AuthOptions, Session } from './types.js';

export interface CoordinatorParts {
  state: SessionState;
  store: TokenStore;
  ledger: Ledger;
  channel: SessionChannel;
  lock: TabLock;
  refresh: AuthOptions['refresh'];
  /** `lockTimeout`: bounds one refresh call. */
  timeout: number;
}

/** After a refresh failed for network reasons, other tabs fail fast for this long instead of retrying (no storm). */
const failureBackoff = 2_000;
/** At start-up, how long a tab waits for another tab to hand it the newest session. */
const startupHandover = 300;

/**
 * R-REFRESH-ONCE, R-REFRESH-ROTATE: every change of session happens inside the cross-tab lock, after
 * re-reading the ledger. A tab that finds a newer generation there adopts that session instead of
 * refreshing, so a refresh token is presented once. The new session goes to the ledger (committed
 * before the lock is released), then to the other tabs (BroadcastChannel), then to the store.
 */
export class RefreshCoordinator {
  readonly #parts: CoordinatorParts;
  /** The session itself is kept in the ledger only where it is persisted for every tab anyway. */
  readonly #sessionInLedger: boolean;

  constructor(parts: CoordinatorParts) {
    this.#parts = parts;
    this.#sessionInLedger = parts.store.kind === 'local';
  }

  /** Start-up: load an async store, then catch up with the ledger (outside the lock; it only reads). */
  async start(): Promise<void> {
    const { store, state, ledger } = this.#parts;
    const record = await readLedger(ledger);
    if (store.kind === 'custom' && state.get().status === 'none') {
      const loaded = await store.load();
      // A shared custom store is as new as the ledger says; after an expiry, the catch-up below ends it.
      if (loaded) state.apply({ session: loaded.session, generation: record.status === 'active' ? record.generation : 0, status: 'active' }, 'signed-in', 'this-tab');
    }
    await this.#catchUp(record, startupHandover);
  }

  /**
   * The request that carried `failedToken` got a 401 (or the token is due). Resolves when this tab has
   * a newer session: one another tab got meanwhile, or one refreshed here. `withoutSession` lets
   * `client.auth.refresh()` call `refresh` with no session (cookie-based start-up).
   */
  async refresh(failedToken: string | undefined, withoutSession: boolean, signal: AbortSignal): Promise<void> {
    const { state, lock } = this.#parts;
    for (let round = 0; round < 2; round++) {
      // While queued for the lock, a session another tab got (over the channel) ends the wait at once:
      // adopting it presents no refresh token, so it needs no lock.
      const start = state.get().generation;
      const moved = new AbortController();
      const unwatch = state.watch(() => {
        if (state.get().generation > start) moved.abort();
      });
      let outcome: 'done' | 'lost';
      try {
        outcome = await lock.run((held) => this.#refreshHolding(held, failedToken, withoutSession), anySignal([signal, moved.signal]));
      } catch (error) {
        if (error instanceof LedgerBlocked) throw new RefreshUnavailable({ cause: error });
        if (!moved.signal.aborted || error !== moved.signal.reason) throw error;
        const local = state.get();
        if (local.status === 'active') return;
        throw new SessionEnded(local.status === 'expired' ? 'expired' : 'signed-out');
      } finally {
        unwatch();
      }
      if (outcome !== 'lost') return;
    }
    throw new RefreshUnavailable({ cause: new Error('the refresh lock was taken over twice') });
  }

  async #refreshHolding(held: Held, failedToken: string | undefined, withoutSession: boolean): Promise<'done' | 'lost'> {
    const { state, ledger, timeout } = this.#parts;
    const record = held.record ?? (await this.#readOrLocal());
    await this.#catchUp(record, Math.min(2_000, timeout / 2));
    const local = state.get();
    // Another tab (or an earlier holder in this one) already refreshed: reuse its session.
    if (local.status === 'active' && local.session?.accessToken !== failedToken) return 'done';
    if (local.status !== 'active' && !withoutSession) throw new SessionEnded(local.status === 'expired' ? 'expired' : 'signed-out');
    if (record.failedAt !== undefined && Date.now() - record.failedAt < failureBackoff) {
      throw new RefreshUnavailable({ cause: new Error('a refresh failed moments ago (network)') });
    }
    const base = Math.max(record.generation, local.generation);
    let next: unknown;
    const deadline = AbortSignal.timeout(timeout);
    try {
      const signal = anySignal([held.signal, deadline]);
      // R-REFRESH-BOUND: a `refresh` ignoring its signal is abandoned when it aborts (the lock is released).
      next = await abortable(this.#parts.refresh({ session: local.status === 'active' ? local.session : undefined, signal }), signal);
    } catch (error) {
      // Taken over while frozen (the takeover may be noticed only after this failure, e.g. our timeout
      // fired first on waking): the new holder decides; this tab adopts its outcome.
      if (held.signal.aborted || !(await this.#stillHolding(held, base))) return 'lost';
      const secrets = [local.session?.accessToken, local.session?.refreshToken];
      if (isTransientFailure(error)) {
        await ledger
          .transact((r) => (r.lease?.owner === held.owner ? { next: { ...r, failedAt: Date.now() }, result: undefined } : { result: undefined }))
          .catch(() => undefined);
        const timedOut = deadline.aborted && error === deadline.reason;
        throw new RefreshUnavailable({ cause: describeFailure(error, secrets), ...(timedOut ? { timeout } : {}) });
      }
      if (!(await this.#commit(base, held, undefined, 'expired'))) return 'lost';
      throw new SessionEnded('expired', { cause: describeFailure(error, secrets) });
    }
    if (!isSession(next)) {
      // R-REFRESH-SHAPE: a verdict, like a rejection (the refresh token may be spent): end it everywhere.
      if (!(await this.#commit(base, held, undefined, 'expired'))) return 'lost';
      throw new SessionEnded('expired', { cause: notASession(next) });
    }
    const session = cleanSession(next);
    // A provider that does not rotate answers without a refresh token: the current one stays valid.
    if (session.refreshToken === undefined && local.session?.refreshToken !== undefined) session.refreshToken = local.session.refreshToken;
    return (await this.#commit(base, held, session, 'refreshed')) ? 'done' : 'lost';
  }

  /** `setSession` (sign-in) and `clearSession` (sign-out), serialised with refreshes. */
  async change(session: Session | undefined, signal: AbortSignal): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const committed = await this.#parts.lock.run(async (held) => {
        const record = held.record ?? (await this.#readOrLocal());
        const base = Math.max(record.generation, this.#parts.state.get().generation);
        return this.#commit(base, held, session, session ? 'signed-in' : 'signed-out');
      }, signal);
      if (committed) return;
    }
    throw new RefreshUnavailable({ cause: new Error('the refresh lock was taken over twice') });
  }

  /** Messages from other tabs. Applied here, never posted again. */
  onMessage(message: ChannelMessage): void {
    const { state, store, channel } = this.#parts;
    switch (message.type) {
      case 'session':
        if (state.apply({ session: message.session, generation: message.generation, status: 'active' }, message.reason, 'other-tab')) {
          void store.save({ generation: message.generation, session: message.session }, 'other-tab');
        }
        break;
      case 'ended':
        if (state.apply({ session: undefined, generation: message.generation, status: message.reason }, message.reason, 'other-tab')) {
          void store.save(undefined, 'other-tab');
        }
        break;
      case 'request-session': {
        // A reply with this tab's own state, not a relay of the request.
        const local = state.get();
        if (local.status === 'active' && local.session && local.generation >= message.generation) {
          channel.post({ v: 1, type: 'session', generation: local.generation, session: local.session, reason: 'relayed' });
        }
        break;
      }
      case 'released':
        break;
    }
  }

  #stillHolding(held: Held, base: number): Promise<boolean> {
    return this.#parts.ledger
      .transact((record) => ({ result: record.lease?.owner === held.owner && record.generation <= base }))
      .catch((error: unknown) => (error instanceof LedgerBlocked ? !held.signal.aborted : Promise.reject(error)));
  }

  /**
   * The ledger, or this tab's own view when a frozen tab blocks it. Only a Web Lock holder gets here
   * then (the lease fallback gives up instead), and the Web Lock still keeps live tabs out.
   */
  #readOrLocal(): Promise<LedgerRecord> {
    return readLedger(this.#parts.ledger).catch((error: unknown) => {
      if (!(error instanceof LedgerBlocked)) throw error;
      const { generation, status } = this.#parts.state.get();
      return { generation, status };
    });
  }

  /**
   * Writes generation `base + 1` if the ledger is still at `base` (or older, for a tab-local ledger) and
   * the lease is this hold's: a holder whose lock was taken over while it was frozen commits nothing.
   */
  async #commit(base: number, held: Held, session: Session | undefined, reason: ChangeReason): Promise<boolean> {
    const { ledger, store, state, channel } = this.#parts;
    if (held.signal.aborted) return false; // taken over while frozen: the new holder decides
    const generation = base + 1;
    const ended = reason === 'expired' ? 'expired' : 'signed-out', status = session ? 'active' : ended;
    const committed = await ledger
      .transact((record) => {
        if (record.generation > base || record.lease?.owner !== held.owner) return { result: false };
        const next: LedgerRecord = { generation, status, lease: record.lease };
        if (session && this.#sessionInLedger) next.session = session;
        return { next, result: true };
      })
      // Blocked by a frozen tab: this tab holds the Web Lock, so it commits through the channel alone
      // (its queued write lands once the frozen tab wakes or closes).
      .catch((error: unknown) => (error instanceof LedgerBlocked ? !held.signal.aborted : Promise.reject(error)));
    if (!committed) return false;
    // Posted first: the other tabs (and, with memory storage, the only other copies) get it before
    // anything here can fail or this tab can close.
    channel.post(
      session
        ? { v: 1, type: 'session', generation, session, reason: reason === 'signed-in' ? 'signed-in' : 'refreshed' }
        : { v: 1, type: 'ended', generation, reason: ended },
    );
    state.apply({ session, generation, status }, reason, 'this-tab');
    await store.save(session ? { generation, session } : { generation, ended }, 'this-tab');
    return true;
  }

  /**
   * Brings this tab up to `record`. The ledger says which generation is newest; the session itself
   * comes from the ledger (`storage: 'local'`), a shared custom store, or another tab over the channel
   * (asked for, and waited for up to `wait` ms). If no tab has it any more (the tab that refreshed
   * closed, memory storage), this tab keeps its older session: the next refresh then presents an
   * already-rotated refresh token, which only a provider's reuse grace (or a cookie) accepts.
   */
  async #catchUp(record: LedgerRecord, wait: number): Promise<void> {
    const { state, store, channel } = this.#parts;
    const local = state.get();
    if (record.generation <= local.generation) return;
    if (record.status !== 'active') {
      const ended = record.status === 'expired' ? 'expired' : 'signed-out';
      if (state.apply({ session: undefined, generation: record.generation, status: ended }, ended, 'other-tab')) await store.save(undefined, 'other-tab');
      return;
    }
    let session = record.session;
    if (!session && store.kind === 'custom') {
      const loaded = await store.load();
      if (loaded && loaded.session.accessToken !== local.session?.accessToken) session = loaded.session;
    }
    if (!session) {
      channel.post({ v: 1, type: 'request-session', generation: record.generation });
      await state.waitForGeneration(record.generation, wait);
      return;
    }
    if (state.apply({ session, generation: record.generation, status: 'active' }, 'relayed', 'other-tab')) {
      await store.save({ generation: record.generation, session }, 'other-tab');
    }
  }
}
