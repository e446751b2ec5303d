import type { SessionState } from './session-state.js';
import { parseStored, webStorage } from './token-store.js';

const watchers = new Map<string, Set<WeakRef<SessionState>>>();
let listening = false;

/**
 * R-SHARED-SESSION with `storage: 'local'`: every open tab reflects a sign-in, refresh or sign-out
 * from the moment its client is created, before any use. The browser fires `storage` in every other
 * tab of the origin when one writes localStorage, and the value written carries the generation.
 *
 * StrictMode and HMR create clients that are dropped unused, so this installs no BroadcastChannel,
 * lock or timer: one `storage` listener per page, shared by all clients, holding each client's state
 * weakly. A dropped client is garbage-collected; `dispose()` removes its entry; the last entry removes
 * the listener. Outside a browser window (server rendering, Node, workers) it does nothing.
 */
export function watchStoredSession(key: string, state: SessionState): () => void {
  const target = globalThis as { addEventListener?: unknown; localStorage?: unknown };
  if (typeof target.addEventListener !== 'function' || typeof WeakRef !== 'function' || !hasLocalStorage()) return () => undefined;
  const ref = new WeakRef(state);
  let set = watchers.get(key);
  if (!set) watchers.set(key, (set = new Set()));
  set.add(ref);
  if (!listening) {
    globalThis.addEventListener('storage', onStorage);
    listening = true;
  }
  return () => forget(key, ref);
}

function onStorage(event: StorageEvent): void {
  if (event.key === null || !watchers.has(event.key) || event.storageArea !== safeLocalStorage()) return;
  const stored = parseStored(event.newValue);
  if (stored === undefined) return; // removed or foreign: the ledger and channel settle it on next use
  for (const ref of [...(watchers.get(event.key) ?? [])]) {
    const state = ref.deref();
    if (!state) {
      forget(event.key, ref); // collected: a client dropped without dispose()
      continue;
    }
    // Generations only move forward: the channel delivering the same change later is a no-op.
    if ('session' in stored) state.apply({ session: stored.session, generation: stored.generation, status: 'active' }, 'relayed', 'other-tab');
    else state.apply({ session: undefined, generation: stored.generation, status: stored.ended }, stored.ended, 'other-tab');
  }
}

function forget(key: string, ref: WeakRef<SessionState>): void {
  const set = watchers.get(key);
  if (!set?.delete(ref) || set.size > 0) return;
  watchers.delete(key);
  if (watchers.size === 0 && listening) {
    globalThis.removeEventListener('storage', onStorage);
    listening = false;
  }
}

const safeLocalStorage = (): Storage | undefined => webStorage('local');
const hasLocalStorage = (): boolean => safeLocalStorage() !== undefined;
