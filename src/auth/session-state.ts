import type { SessionStatus } from './ledger.js';
import type { Session, SessionEvent } from './types.js';

/** What this tab knows: the session, and the ledger generation it belongs to. */
export interface Snapshot {
  readonly session: Session | undefined;
  readonly generation: number;
  readonly status: SessionStatus;
}

export type ChangeReason = 'refreshed' | 'signed-in' | 'relayed' | 'expired' | 'signed-out';
type Source = 'this-tab' | 'other-tab';

/**
 * This tab's copy of the session. Changes only move forward in generation, so a late or repeated
 * message can never bring back an older session. Emits `SessionEvent`s and `onSessionExpired`.
 */
export class SessionState {
  #snapshot: Snapshot = { session: undefined, generation: 0, status: 'none' };
  readonly #listeners = new Set<(event: SessionEvent) => void>();
  readonly #changeWaiters = new Set<() => void>();
  readonly #onExpired: (() => void) | undefined;

  constructor(onExpired: (() => void) | undefined) {
    this.#onExpired = onExpired;
  }

  get(): Snapshot {
    return this.#snapshot;
  }

  /**
   * Moves to `next` if it is newer than what this tab has (a higher generation; an equal one only
   * while this tab has nothing). Returns whether it did.
   */
  apply(next: Snapshot, reason: ChangeReason, source: Source): boolean {
    const previous = this.#snapshot;
    if (next.generation < previous.generation || (next.generation === previous.generation && previous.status !== 'none')) return false;
    this.#snapshot = next;
    const wasActive = previous.status === 'active';
    let event: SessionEvent['type'] | undefined;
    if (next.status === 'active') event = !wasActive || reason === 'signed-in' ? 'signed-in' : 'refreshed';
    else if (wasActive) event = next.status === 'expired' ? 'expired' : 'signed-out';
    for (const wake of [...this.#changeWaiters]) wake();
    if (event) this.#emit({ type: event, source });
    if (event === 'expired') this.#callExpired();
    return true;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls `listener` after every change (before events are emitted). Returns the unsubscribe function. */
  watch(listener: () => void): () => void {
    this.#changeWaiters.add(listener);
    return () => {
      this.#changeWaiters.delete(listener);
    };
  }

  /** Resolves once this tab holds `generation` or newer, or after `ms` (whichever first). */
  waitForGeneration(generation: number, ms: number): Promise<void> {
    if (this.#snapshot.generation >= generation) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unwatch();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unwatch = this.watch(() => {
        if (this.#snapshot.generation >= generation) done();
      });
    });
  }

  #emit(event: SessionEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  #callExpired(): void {
    try {
      this.#onExpired?.();
    } catch (error) {
      reportListenerError(error);
    }
  }
}

// A throwing listener must not break the refresh that notified it; surface it like an uncaught error.
function reportListenerError(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
