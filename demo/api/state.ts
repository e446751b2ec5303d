import { TokenBook } from './tokens.ts';

/** Everything the demo API remembers, in memory. `POST /api/__reset` puts it back to this. */

export interface Contact {
  id: string;
  name: string;
  email: string;
  phone: string;
  version: number;
}

/** The 422 body format the API answers with; switchable from the demo's network panel. */
export type ValidationDialect = 'problem-json' | 'seed-001' | 'laravel';
export const validationDialects: readonly ValidationDialect[] = ['problem-json', 'seed-001', 'laravel'];

export interface Settings {
  validationDialect: ValidationDialect;
  /** Lifetime of new access tokens, in seconds. */
  accessTtl: number;
  /** How long the token endpoint takes to answer, in ms (identity providers are not instant). */
  refreshDelay: number;
  /** A used refresh token presented again within this many ms is accepted (a rotation overlap); later, it revokes the session. */
  reuseGraceMs: number;
  /** When on, two of every three requests to one contacts URL answer 503. */
  flaky: boolean;
  /** When on, PATCH answers 200 with a body that breaks the contact schema (`email` as a number). */
  malformedWrites: boolean;
}

export interface Stats {
  /** Calls to the token endpoint with `grant_type=refresh_token`. */
  refreshCalls: number;
  /** Used refresh tokens presented after the grace period: each revoked a session. */
  reuseDetected: number;
  /** Used refresh tokens accepted within the grace period. */
  graceReuses: number;
  /** Requests per `METHOD /path` (for the specs: e.g. how many attempts a flaky request took). */
  requests: Record<string, number>;
  /** Statuses answered per `METHOD /path`, in order. */
  statuses: Record<string, number[]>;
}

export interface RateLimitPlan {
  /** How many of the next contacts requests answer 429. */
  remaining: number;
  /** `Retry-After`, seconds. */
  retryAfter: number;
}

export interface DemoState {
  contacts: Map<string, Contact>;
  nextId: number;
  /** Bumped on every change to any contact: the collection's ETag. */
  revision: number;
  settings: Settings;
  stats: Stats;
  rateLimit: RateLimitPlan;
  /** Per-URL counters behind the flaky 503 toggle. */
  flakyCounters: Map<string, number>;
  tokens: TokenBook;
}

const defaultSettings: Settings = {
  validationDialect: 'problem-json',
  accessTtl: 20,
  refreshDelay: 300,
  reuseGraceMs: 2_000,
  flaky: false,
  malformedWrites: false,
};

const people: Array<Omit<Contact, 'id' | 'version'>> = [
  { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0001' },
  { name: 'Grace Hopper', email: 'grace@example.com', phone: '+1 202 555 0142' },
  { name: 'Katherine Johnson', email: 'katherine@example.com', phone: '' },
  { name: 'Margaret Hamilton', email: 'margaret@example.com', phone: '+1 617 555 0199' },
  { name: 'Radia Perlman', email: '', phone: '+1 408 555 0123' },
];

export function createState(): DemoState {
  const state: DemoState = {
    contacts: new Map(),
    nextId: 1,
    revision: 1,
    settings: { ...defaultSettings },
    stats: { refreshCalls: 0, reuseDetected: 0, graceReuses: 0, requests: {}, statuses: {} },
    rateLimit: { remaining: 0, retryAfter: 3 },
    flakyCounters: new Map(),
    tokens: new TokenBook(),
  };
  for (const person of people) addContact(state, person);
  return state;
}

/** Puts every field of `target` back to a fresh state, keeping the object (routes hold it). */
export function resetState(target: DemoState): void {
  Object.assign(target, createState());
}

export function addContact(state: DemoState, fields: Omit<Contact, 'id' | 'version'>): Contact {
  const contact = { id: String(state.nextId++), ...fields, version: 1 };
  state.contacts.set(contact.id, contact);
  state.revision++;
  return contact;
}
