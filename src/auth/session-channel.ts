import { isSession } from './token-store.js';
import type { Session } from './types.js';

/** What tabs tell each other. `generation` is the ledger generation the message belongs to. */
export type ChannelMessage =
  /** A new session: refreshed, signed in, or relayed to a tab that asked for it. */
  | { v: 1; type: 'session'; generation: number; session: Session; reason: 'refreshed' | 'signed-in' | 'relayed' }
  /** The session is over in every tab. */
  | { v: 1; type: 'ended'; generation: number; reason: 'expired' | 'signed-out' }
  /** A tab that sees a newer generation in the ledger than it holds asks whoever has it. */
  | { v: 1; type: 'request-session'; generation: number }
  /** The fallback lock (no Web Locks) was released: waiters try again now rather than at their next poll. */
  | { v: 1; type: 'released' };

type Listener = (message: ChannelMessage) => void;

/**
 * The BroadcastChannel as a lazy subscribable (STYLE 6): the channel is opened and its listener
 * installed on the first subscription, closed on the last, so a client that is created but never used,
 * or disposed, holds nothing. Messages received are handed to subscribers only; nothing here posts them
 * again (STYLE 5: a tab never re-broadcasts what it received).
 */
export class SessionChannel {
  readonly #name: string;
  readonly #factory: typeof BroadcastChannel | undefined;
  readonly #listeners = new Set<Listener>();
  #channel: BroadcastChannel | undefined;

  constructor(name: string, factory: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel) {
    this.#name = name;
    this.#factory = factory;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#open();
    return () => {
      if (!this.#listeners.delete(listener)) return;
      if (this.#listeners.size === 0) this.#close();
    };
  }

  /** Posts to the other tabs (and other clients of this page); reports failures instead of throwing. */
  post(message: ChannelMessage): boolean {
    if (!this.#channel) return false;
    try {
      this.#channel.postMessage(message);
      return true;
    } catch (error) {
      console.warn(`fetchwise: could not post a ${message.type} message to the other tabs (${(error as Error)?.name ?? 'error'})`);
      return false;
    }
  }

  #open(): void {
    if (!this.#factory) return;
    try {
      this.#channel = new this.#factory(this.#name);
    } catch {
      return;
    }
    this.#channel.onmessage = (event: MessageEvent) => {
      const message = parse(event.data);
      if (!message) return;
      for (const listener of [...this.#listeners]) listener(message);
    };
  }

  #close(): void {
    const channel = this.#channel;
    this.#channel = undefined;
    if (!channel) return;
    channel.onmessage = null;
    channel.close();
  }
}

/** Accepts only well-formed messages of this protocol version; anything else (another version, another app) is ignored. */
function parse(data: unknown): ChannelMessage | undefined {
  const message = data as Record<string, unknown> | null | undefined;
  if (message?.v !== 1) return undefined;
  const { type, generation, reason } = message;
  if (type === 'released') return message as ChannelMessage;
  if (!Number.isInteger(generation) || (generation as number) < 0) return undefined;
  const valid =
    type === 'request-session' ||
    (type === 'session' && isSession(message.session) && ['refreshed', 'signed-in', 'relayed'].includes(reason as string)) ||
    (type === 'ended' && ['expired', 'signed-out'].includes(reason as string));
  return valid ? (message as ChannelMessage) : undefined;
}
