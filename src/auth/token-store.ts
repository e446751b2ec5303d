import type { Session, SessionStore } from './types.js';

/** A session with the ledger generation it belongs to (see `ledger.ts`). */
export interface StoredSession {
  generation: number;
  session: Session;
}

/** A session that ended at `generation`: kept by shared storage so the other tabs see how (R-SHARED-SESSION). */
export interface EndedSession {
  generation: number;
  ended: 'expired' | 'signed-out';
}

/** The storage key of a channel's session (`storage: 'session' | 'local'`). */
export const storageKey = (channel: string): string => `fetchwise-auth:${channel}`;

/** What a stored value says: a session, how one ended, or nothing usable. Never throws. */
export function parseStored(text: string | null | undefined): StoredSession | EndedSession | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { v?: unknown; generation?: unknown; session?: unknown; ended?: unknown };
    if (parsed.v !== 1 || typeof parsed.generation !== 'number') return undefined;
    if (isSession(parsed.session)) return { generation: parsed.generation, session: parsed.session };
    if (parsed.ended === 'expired' || parsed.ended === 'signed-out') return { generation: parsed.generation, ended: parsed.ended };
  } catch {
    // not ours, or corrupted: nothing usable
  }
  return undefined;
}

/**
 * This tab's persistence of the session, one adapter per `storage` choice. The live copy is in memory
 * (`session-state.ts`); a store only keeps it across reloads.
 */
export interface TokenStore {
  readonly kind: 'memory' | 'session' | 'local' | 'custom';
  /**
   * Whether every tab of the origin reads the same storage. Then only the tab that changed the
   * session writes it: a late write from a tab relaying an older session could overwrite a newer one.
   */
  readonly shared: boolean;
  /** Read at start-up. Web Storage answers synchronously; custom stores may not. */
  load(): StoredSession | undefined | Promise<StoredSession | undefined>;
  /** `origin` says whether this tab changed the session or relays another tab's change. */
  save(value: StoredSession | EndedSession | undefined, origin: 'this-tab' | 'other-tab'): Promise<void>;
}

/** Checks the `storage` option at `createClient`. */
export function createTokenStore(storage: unknown, channel: string): TokenStore {
  if (storage === undefined || storage === 'memory') return memoryStore;
  if (storage === 'session' || storage === 'local') return webStorageStore(storage, storageKey(channel));
  if (typeof storage === 'object' && storage !== null) {
    const custom = storage as Partial<SessionStore>;
    if (typeof custom.get === 'function' && typeof custom.set === 'function') return customStore(custom as SessionStore);
  }
  throw new TypeError(`fetchwise: auth.storage must be 'memory', 'session', 'local' or an object with get() and set(session), got ${describe(storage)}`);
}

const memoryStore: TokenStore = {
  kind: 'memory',
  shared: false,
  load: () => undefined,
  save: () => Promise.resolve(),
};

/**
 * `localStorage` or `sessionStorage`, looked up on each use: reading it throws where storage is blocked
 * by privacy settings, and it is absent during server-side rendering (then the store behaves as memory).
 */
export function webStorage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return (kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? undefined;
  } catch {
    return undefined;
  }
}

function webStorageStore(kind: 'session' | 'local', key: string): TokenStore {
  return {
    kind,
    shared: kind === 'local',
    load() {
      let stored: StoredSession | EndedSession | undefined;
      try {
        stored = parseStored(webStorage(kind)?.getItem(key));
      } catch {
        return undefined;
      }
      return stored !== undefined && 'session' in stored ? stored : undefined;
    },
    save(value, origin) {
      if (kind === 'local' && origin === 'other-tab') return Promise.resolve();
      try {
        const target = webStorage(kind);
        // A shared store also keeps how the session ended (no tokens): the other tabs' `storage` event says it.
        if (value !== undefined && ('session' in value || kind === 'local')) target?.setItem(key, JSON.stringify({ v: 1, ...value }));
        else target?.removeItem(key);
      } catch (error) {
        // Quota or privacy settings: the session still lives in memory for this tab.
        console.warn(`fetchwise: could not write the session to ${kind}Storage (${(error as Error)?.name ?? 'error'})`);
      }
      return Promise.resolve();
    },
  };
}

function customStore(store: SessionStore): TokenStore {
  return {
    kind: 'custom',
    shared: true,
    async load() {
      const session = await store.get();
      return isSession(session) ? { generation: 0, session } : undefined;
    },
    async save(value, origin) {
      if (origin === 'this-tab') await store.set(value !== undefined && 'session' in value ? value.session : undefined);
    },
  };
}

/** A well-formed session: a non-empty access token, an optional string refresh token, an optional finite expiry. */
export function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { accessToken, refreshToken, expiresAt } = value as Record<string, unknown>;
  return (
    typeof accessToken === 'string' &&
    accessToken !== '' &&
    (refreshToken === undefined || typeof refreshToken === 'string') &&
    (expiresAt === undefined || (typeof expiresAt === 'number' && Number.isFinite(expiresAt)))
  );
}

/** A copy with only the known fields, so nothing else the app attached travels between tabs. */
export function cleanSession(session: Session): Session {
  const clean: Session = { accessToken: session.accessToken };
  if (session.refreshToken !== undefined) clean.refreshToken = session.refreshToken;
  if (session.expiresAt !== undefined) clean.expiresAt = session.expiresAt;
  return clean;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : value === null ? 'null' : typeof value;
}
