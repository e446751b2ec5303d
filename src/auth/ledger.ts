import type { Session } from './types.js';

export type SessionStatus = 'none' | 'active' | 'expired' | 'signed-out';

/** Who holds the cross-tab refresh lock, and when it last showed it is alive. */
export interface Lease {
  owner: string;
  heartbeatAt: number;
}

/**
 * The state the refresh lock protects, one record per channel name. Every change of session bumps
 * `generation`; a tab compares it with its own to learn, inside the lock, that another tab already
 * refreshed, signed in or out, or saw the session expire.
 */
export interface LedgerRecord {
  generation: number;
  status: SessionStatus;
  /** The session itself, only with `storage: 'local'` (already persisted for every tab there). */
  session?: Session;
  lease?: Lease;
  /** A refresh failed for a transient reason (network) at this generation: others do not retry at once. */
  failedAt?: number;
}

/**
 * A transaction did not complete in time: another tab holds one open and cannot finish it (its
 * JavaScript is frozen or hung between two steps of a transaction). Callers carry on without the
 * ledger rather than wait for that tab.
 */
export class LedgerBlocked extends Error {
  override name: string = 'LedgerBlocked';
}

/** One read-modify-write step, run atomically: return `next` to write it. */
export type LedgerStep<T> = (record: LedgerRecord) => { next?: LedgerRecord; result: T };

export interface Ledger {
  /** Runs `step` in one transaction; resolves once the write is committed (visible to the next lock holder). */
  transact<T>(step: LedgerStep<T>): Promise<T>;
  /** Whether the record is shared by the tabs (IndexedDB) or kept in this tab only. Settles on first use. */
  shared(): Promise<boolean>;
  close(): void;
}

const emptyRecord: LedgerRecord = { generation: 0, status: 'none' };
const dbName = 'fetchwise-auth';
const storeName = 'ledger';

// Without IndexedDB (server rendering, some privacy modes), clients of one page share this.
const memoryRecords = new Map<string, LedgerRecord>();

/**
 * IndexedDB is where this lives because it is the one store measured to be up to date for the next
 * lock holder when written before releasing the lock (RECIPES, "Cross-tab state"): localStorage and
 * BroadcastChannel lag behind in a few percent of hand-overs. Readwrite transactions on one store are
 * also serialised across tabs, which makes lease claims atomic.
 */
export function createLedger(key: string, blockedAfter: number): Ledger {
  let opening: Promise<IDBDatabase | undefined> | undefined;
  const open = (): Promise<IDBDatabase | undefined> => {
    opening ??= openDatabase().then(
      (db) => {
        if (db) {
          // A newer version elsewhere: let it upgrade, reopen on next use.
          db.onversionchange = () => {
            db.close();
            opening = undefined;
          };
        }
        return db;
      },
      () => undefined,
    );
    return opening;
  };
  return {
    async transact<T>(step: LedgerStep<T>): Promise<T> {
      const db = await open();
      if (!db) return memoryStep(key, step);
      try {
        return await idbStep(db, key, step, blockedAfter);
      } catch (error) {
        if ((error as Error)?.name !== 'InvalidStateError') throw error;
        opening = undefined; // the connection was closed under us (versionchange, dispose)
        const again = await open();
        return again ? idbStep(again, key, step, blockedAfter) : memoryStep(key, step);
      }
    },
    async shared() {
      return (await open()) !== undefined;
    },
    close() {
      const current = opening;
      opening = undefined;
      void current?.then((db) => db?.close());
    },
  };
}

function openDatabase(): Promise<IDBDatabase | undefined> {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(dbName, 1);
    } catch {
      return resolve(undefined);
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

function idbStep<T>(db: IDBDatabase, key: string, step: LedgerStep<T>, blockedAfter: number): Promise<T> {
  return new Promise((resolve, reject) => {
    // A healthy transaction takes milliseconds; one queued behind a frozen tab's never starts.
    const timer = setTimeout(() => reject(new LedgerBlocked('fetchwise: the auth ledger is blocked by another tab')), blockedAfter);
    // 'relaxed' skips the fsync, not the commit: other tabs read the write once `complete` fired.
    const tx = db.transaction(storeName, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(storeName);
    const get = store.get(key);
    let result: T;
    get.onsuccess = () => {
      const outcome = step(normalize(get.result));
      result = outcome.result;
      if (outcome.next) store.put(outcome.next, key);
    };
    // Resolve on `complete` only: that is when the next lock holder is guaranteed to see the write.
    tx.oncomplete = () => {
      clearTimeout(timer);
      resolve(result);
    };
    tx.onerror = tx.onabort = () => {
      clearTimeout(timer);
      reject(tx.error ?? new Error('fetchwise: IndexedDB transaction failed'));
    };
  });
}

function memoryStep<T>(key: string, step: LedgerStep<T>): Promise<T> {
  const outcome = step(memoryRecords.get(key) ?? emptyRecord);
  if (outcome.next) memoryRecords.set(key, outcome.next);
  return Promise.resolve(outcome.result);
}

function normalize(value: unknown): LedgerRecord {
  if (typeof value !== 'object' || value === null) return emptyRecord;
  const record = value as Partial<LedgerRecord>;
  if (typeof record.generation !== 'number' || typeof record.status !== 'string') return emptyRecord;
  return record as LedgerRecord;
}

/** Reads the record. */
export function readLedger(ledger: Ledger): Promise<LedgerRecord> {
  return ledger.transact((record) => ({ result: record }));
}

/**
 * Takes the lease when it is free, stale (no heartbeat for `staleAfter` ms) or already ours; `force`
 * takes it regardless (the caller holds the Web Lock, so any other lease is left over by a dead tab).
 * Resolves with the record as it is now when the lease was taken, `undefined` when not.
 */
export function claimLease(ledger: Ledger, owner: string, staleAfter: number, force = false): Promise<LedgerRecord | undefined> {
  return ledger.transact((record) => {
    const now = Date.now();
    const { lease } = record;
    const free = force || !lease || lease.owner === owner || now - lease.heartbeatAt > staleAfter;
    if (!free) return { result: undefined };
    const next = { ...record, lease: { owner, heartbeatAt: now } };
    return { next, result: next };
  });
}

/** Refreshes the heartbeat; `false` when the lease was taken over. */
export function renewLease(ledger: Ledger, owner: string): Promise<boolean> {
  return ledger.transact((record) =>
    record.lease?.owner === owner ? { next: { ...record, lease: { owner, heartbeatAt: Date.now() } }, result: true } : { result: false },
  );
}

export function releaseLease(ledger: Ledger, owner: string): Promise<void> {
  return ledger.transact((record) => {
    if (record.lease?.owner !== owner) return { result: undefined };
    const { lease: _released, ...rest } = record;
    return { next: rest, result: undefined };
  });
}
