import type { FetchwiseError } from '../errors/fetchwise-error.js';
import type { FetchResult, RequestOptions } from './types.js';

/**
 * One attempt of a call, as plugins see it. The same object is handed to every plugin, and a new
 * attempt (retry or replay) gets fresh `headers` built from the call's.
 */
export interface Attempt {
  /** Upper-case method. */
  readonly method: string;
  /** The absolute URL, query included. */
  readonly url: string;
  /** What this attempt sends: lower-case header names. Set, change or delete entries in `beforeAttempt`. */
  headers: Record<string, string>;
  /** The call's options, as the app passed them. */
  readonly options: RequestOptions;
  /** 0 for the first attempt of the call; each retry or replay adds one. */
  readonly number: number;
  /** True while the call is being replayed after a plugin answered `'replay'`. */
  readonly replayed: boolean;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Scratch space for plugins that lives as long as the call: key it with your own symbol. */
  readonly state: Map<unknown, unknown>;
}

/** What one attempt ended with: a response the pipeline accepts (2xx, 304, a DELETE's 404) or a typed error. */
export type AttemptOutcome = { ok: true; response: Response } | { ok: false; error: FetchwiseError };

/**
 * A plugin's answer to an attempt's outcome. The first plugin that answers decides; with no answer,
 * the retry policy does (SPEC section 4).
 * - `'accept'`: the outcome is final (a failure is thrown without a retry);
 * - `'retry'`: try again, within the policy's limit and backoff;
 * - `'replay'`: send again at once, not counted as a retry; at most once per call;
 * - `{ throw }`: fail the call with this error instead.
 */
export type Verdict = 'accept' | 'retry' | 'replay' | { throw: unknown };

/** What a call ended with, once the attempt loop is over. */
export type CallOutcome = { ok: true; result: FetchResult<unknown> } | { ok: false; error: unknown };

/**
 * A step in the request pipeline. Built-in concerns (conditional requests, auth) are plugins too.
 * A plugin answers; the loop decides. It never sends a request of its own from inside an attempt.
 */
export interface Plugin {
  /** Shown in errors about the plugin. */
  readonly name: string;
  /** Called once, by `createClient`, with what the client resolved. */
  setup?(client: { readonly baseUrl: string | undefined }): void;
  /** Before each attempt is sent: add or change headers (a signature, a token, a trace id). */
  beforeAttempt?(attempt: Attempt): void | Promise<void>;
  /** After each attempt: may answer with a {@link Verdict}; `undefined` leaves it to the next plugin and the policy. */
  afterAttempt?(attempt: Attempt, outcome: AttemptOutcome): Verdict | undefined | void | Promise<Verdict | undefined | void>;
  /**
   * After the call settled (every retry and replay done). A promise it returns is awaited before the
   * call resolves (e.g. the query cache updated from a write). Errors are reported, never thrown into the call.
   */
  afterCall?(attempt: Attempt, outcome: CallOutcome): void | Promise<void>;
}
