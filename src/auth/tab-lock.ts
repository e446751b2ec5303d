import { claimLease, LedgerBlocked, releaseLease, renewLease, type Ledger, type LedgerRecord } from './ledger.js';
import type { SessionChannel } from './session-channel.js';
import { abortable, anySignal } from './signals.js';

/** Handed to the task that holds the lock. */
export interface Held {
  /** Identifies this hold in the ledger's lease: commit only while the lease is still yours. */
  readonly owner: string;
  /** Aborts when another tab took the lock over (this tab was frozen past `timeout`). */
  readonly signal: AbortSignal;
  /** The ledger as read when the lease was taken; `undefined` if IndexedDB failed then (read it yourself). */
  readonly record: LedgerRecord | undefined;
}

/** The cross-tab refresh lock. */
export interface TabLock {
  readonly kind: 'web-locks' | 'lease';
  /** Runs `task` holding the lock. `signal` aborts the wait for it (not a task already running). */
  run<T>(task: (held: Held) => Promise<T>, signal: AbortSignal): Promise<T>;
}

export interface LockSettings {
  name: string;
  /** This tab's id; each hold gets `${tabId}:${n}`. */
  tabId: string;
  ledger: Ledger;
  channel: SessionChannel;
  /** How long to wait before checking the holder's heartbeat; a lease this old is stale. */
  timeout: number;
}

/**
 * Web Locks where they exist (secure contexts). Chromium releases a closed or crashed tab's locks at
 * once; a frozen tab keeps them, so a waiter that waited `timeout` reads the holder's heartbeat in the
 * ledger and, if it is stale, claims the lease (atomically: one waiter wins) and steals the lock.
 * Without Web Locks (an insecure context), the lease in IndexedDB is the lock itself.
 */
export function createTabLock(settings: LockSettings, locks: LockManager | undefined = webLocks()): TabLock {
  const queue = localQueue();
  const lock = locks ? webLock(locks, settings) : leaseLock(settings);
  let holds = 0;
  const next = () => `${settings.tabId}:${++holds}`;
  return {
    kind: lock.kind,
    // One hold at a time within the tab too, so a tab never competes with itself for the lease.
    run: (task, signal) => queue(() => lock.run(task, signal, next()), signal),
  };
}

interface InnerLock {
  kind: TabLock['kind'];
  run<T>(task: (held: Held) => Promise<T>, signal: AbortSignal, owner: string): Promise<T>;
}

function webLocks(): LockManager | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return typeof locks?.request === 'function' ? locks : undefined;
}

class NotGranted {
  constructor(readonly error: unknown) {}
}

function webLock(locks: LockManager, settings: LockSettings): InnerLock {
  const request = <T>(options: LockOptions, task: (held: Held) => Promise<T>, owner: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let state: 'waiting' | 'holding' | 'done' = 'waiting';
      const lost = new AbortController();
      locks
        .request(settings.name, options, async () => {
          state = 'holding';
          try {
            // Holding the Web Lock makes this tab the rightful holder: any other lease is a dead tab's.
            const record = await claimLease(settings.ledger, owner, settings.timeout, true).catch(() => undefined);
            resolve(await hold(settings, task, { owner, signal: lost.signal, record }, lost));
          } catch (error) {
            reject(error);
          } finally {
            state = 'done';
          }
        })
        .catch((error: unknown) => {
          // Stolen while the task ran: tell it. Not granted (timeout, dispose): tell the caller.
          if (state === 'holding') lost.abort(takenOver());
          else if (state === 'waiting') reject(new NotGranted(error));
        });
    });
  return {
    kind: 'web-locks',
    async run(task, signal, owner) {
      for (;;) {
        signal.throwIfAborted();
        const wait = anySignal([signal, AbortSignal.timeout(settings.timeout)]);
        try {
          return await request({ signal: wait }, task, owner);
        } catch (error) {
          if (!(error instanceof NotGranted)) throw error;
          signal.throwIfAborted();
          // Waited `timeout`. A live holder keeps its heartbeat fresh: keep waiting. A frozen one does not;
          // nor does one frozen in the middle of a ledger transaction, which blocks the ledger itself.
          const claimed = await claimLease(settings.ledger, owner, settings.timeout).catch((failure: unknown) => failure instanceof LedgerBlocked);
          if (claimed) return await request({ steal: true }, task, owner);
        }
      }
    },
  };
}

function leaseLock(settings: LockSettings): InnerLock {
  return {
    kind: 'lease',
    async run(task, signal, owner) {
      const started = Date.now();
      for (;;) {
        signal.throwIfAborted();
        // A tab frozen in the middle of a ledger transaction blocks the lease itself. Taking it anyway could
        // let every tab refresh at once, so wait, but give up after `timeout` rather than forever.
        const record = await claimLease(settings.ledger, owner, settings.timeout).catch((failure: unknown) => {
          if (!(failure instanceof LedgerBlocked) || Date.now() - started > settings.timeout) throw failure;
          return undefined;
        });
        if (record) {
          const lost = new AbortController();
          try {
            return await hold(settings, task, { owner, signal: lost.signal, record }, lost);
          } finally {
            settings.channel.post({ v: 1, type: 'released' });
          }
        }
        await nextTry(settings.channel, signal);
      }
    },
  };
}

/** Runs the task (its lease already taken) with a heartbeat on the lease, and gives the lease back after. */
async function hold<T>(settings: LockSettings, task: (held: Held) => Promise<T>, held: Held, lost: AbortController): Promise<T> {
  const { ledger, timeout } = settings;
  const beat = setInterval(() => {
    renewLease(ledger, held.owner).then(
      (mine) => mine || lost.abort(takenOver()),
      () => undefined,
    );
  }, Math.max(50, Math.floor(timeout / 4)));
  try {
    return await task(held);
  } finally {
    clearInterval(beat);
    await releaseLease(ledger, held.owner).catch(() => undefined);
  }
}

/** Waits for a `released` message or a short jittered poll, whichever comes first. */
function nextTry(channel: SessionChannel, signal: AbortSignal): Promise<void> {
  let cleanUp = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 20 + Math.random() * 40);
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'released') resolve();
    });
    cleanUp = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  return abortable(wait, signal).finally(cleanUp);
}

function localQueue(): <T>(job: () => Promise<T>, signal: AbortSignal) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>, signal: AbortSignal): Promise<T> => {
    const previous = tail;
    // `previous` never rejects: waiting for it ends with it, or with `signal`.
    const result = abortable(previous, signal).then(job);
    // The next job waits for every earlier one, including those still running when this wait was given up.
    const settled = () => result.then(
      () => undefined,
      () => undefined,
    );
    tail = previous.then(settled, settled);
    return result;
  };
}

function takenOver(): DOMException {
  return new DOMException('fetchwise: another tab took the refresh lock over', 'AbortError');
}
