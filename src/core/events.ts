import { summarizeRequest, type FetchwiseError, type RequestSummary } from '../errors/fetchwise-error.js';

interface EventBase {
  /** Same for every event of one logical request (its retries and replays included). */
  id: number;
  request: RequestSummary;
  /** `performance.now()` when the event happened. */
  time: number;
}

/** What `client.subscribe` reports about each request: enough to draw a network panel. */
export type RequestEvent =
  | (EventBase & { type: 'start' })
  | (EventBase & { type: 'retry'; attempt: number; delay: number; error: FetchwiseError })
  | (EventBase & {
      type: 'refreshed';
      /** How long the request waited for a fresh token (a refresh here, in another tab, or none needed). */
      waited: number;
    })
  | (EventBase & {
      type: 'end';
      /** The final status; `undefined` for a network failure, timeout or abort. */
      status: number | undefined;
      duration: number;
      retries: number;
      /** True when a 401 was answered by a token refresh and a replay. */
      refreshed: boolean;
      error?: unknown;
    });

export type RequestListener = (event: RequestEvent) => void;

let nextId = 0;
const now = (): number => performance.now();

/** Reports one request's life to the listeners; created only when someone listens. */
export class RequestTrace {
  readonly #listeners: ReadonlySet<RequestListener>;
  readonly #base: { id: number; request: RequestSummary };
  readonly #start = now();
  #retries = 0;
  #refreshed = false;

  constructor(listeners: ReadonlySet<RequestListener>, method: string, url: string) {
    this.#listeners = listeners;
    this.#base = { id: ++nextId, request: summarizeRequest(method, url) };
    this.#emit({ type: 'start', ...this.#base, time: this.#start });
  }

  retry(attempt: number, delay: number, error: FetchwiseError): void {
    this.#retries = attempt;
    this.#emit({ type: 'retry', ...this.#base, attempt, delay, error, time: now() });
  }

  refreshed(since: number): void {
    this.#refreshed = true;
    const time = now();
    this.#emit({ type: 'refreshed', ...this.#base, waited: time - since, time });
  }

  /** The request ended with `error`: its status, if it has one, is the final status. */
  fail(error: unknown): void {
    const status = (error as { status?: unknown } | undefined)?.status;
    this.end(typeof status === 'number' ? status : undefined, error);
  }

  end(status: number | undefined, error?: unknown): void {
    const time = now();
    const event: RequestEvent = { type: 'end', ...this.#base, status, duration: time - this.#start, retries: this.#retries, refreshed: this.#refreshed, time };
    if (error !== undefined) event.error = error;
    this.#emit(event);
  }

  #emit(event: RequestEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // A listener's bug must not break the request it observes.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

export { now as traceNow };
