import { DevWarnings } from './dev-warnings.js';

/** What a response said about its version: `ETag`, `Last-Modified`, and the request headers it varied on. */
export interface Validators {
  etag?: string;
  lastModified?: string;
  /** Request header values (lower-cased names) for the headers the response named in `Vary`. */
  vary?: Record<string, string | null>;
}

/** Reads validators from a response; `undefined` when there are none or `Vary: *` makes them unusable. */
export function readValidators(response: Headers, request: Record<string, string>): Validators | undefined {
  const etag = response.get('etag');
  const lastModified = response.get('last-modified');
  if (etag === null && lastModified === null) return undefined;
  const validators: Validators = {};
  if (etag !== null) validators.etag = etag;
  if (lastModified !== null) validators.lastModified = lastModified;
  const vary = response.get('vary');
  if (vary !== null) {
    const names = vary.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
    if (names.includes('*')) return undefined;
    validators.vary = Object.fromEntries(names.map((name) => [name, request[name] ?? null]));
  }
  return validators;
}

/** True when `request` sends the same values for the `Vary` headers as the request that got `validators`. */
export function sameVariant(validators: Validators, request: Record<string, string>): boolean {
  if (!validators.vary) return true;
  for (const [name, value] of Object.entries(validators.vary)) if ((request[name] ?? null) !== value) return false;
  return true;
}

/** Weak ETags (`W/"…"`) may be used for `If-None-Match` but never for `If-Match` (RFC 9110 §13.1.1). */
export function isStrongEtag(etag: string | undefined): etag is string {
  return etag !== undefined && !etag.startsWith('W/');
}

const MAX_URLS = 2_000;

/**
 * R-ETAG-STORE. Validators are kept twice:
 * - per cached data object (a WeakMap), so a 304 is only ever matched with the very data that ETag
 *   describes, and validators die with the data when the query cache drops it;
 * - per URL (the latest seen), for `If-Match` on writes.
 */
export class ValidatorStore {
  readonly #byData = new WeakMap<object, Validators>();
  readonly #byUrl = new Map<string, Validators>();
  /** This client's development warnings (R-WEAK-ETAG, R-CORS-CONDITIONAL, hidden headers). */
  readonly warnings: DevWarnings = new DevWarnings();

  remember(url: string, validators: Validators, data?: unknown): void {
    this.#byUrl.delete(url);
    this.#byUrl.set(url, validators);
    if (this.#byUrl.size > MAX_URLS) this.#byUrl.delete(this.#byUrl.keys().next().value as string);
    if (typeof data === 'object' && data !== null) this.#byData.set(data, validators);
  }

  /** The validators that describe this exact data object, if any. */
  forData(data: unknown): Validators | undefined {
    return typeof data === 'object' && data !== null ? this.#byData.get(data) : undefined;
  }

  /** After structural sharing kept another object for the same content, let it carry the same validators. */
  link(from: unknown, to: unknown): void {
    const validators = this.forData(from);
    if (validators && typeof to === 'object' && to !== null) this.#byData.set(to, validators);
  }

  /** The strong ETag last seen for `url`, for `If-Match` (R-IF-MATCH). */
  ifMatch(url: string): string | undefined {
    const etag = this.#byUrl.get(url)?.etag;
    return isStrongEtag(etag) ? etag : undefined;
  }

  /** R-WEAK-ETAG: the last ETag seen for `url` is weak, so a write to it cannot carry `If-Match`. */
  weakOnly(url: string): boolean {
    return this.#byUrl.get(url)?.etag?.startsWith('W/') ?? false;
  }

  /** R-412, R-WRITE-NO-ETAG: forget what we knew of `url`. */
  forget(url: string): void {
    this.#byUrl.delete(url);
  }
}

/** `If-None-Match` (or `If-Modified-Since` when only `Last-Modified` is known) for a revalidation. */
export function conditionalHeaders(validators: Validators, headers: Record<string, string>): void {
  if (validators.etag !== undefined) headers['if-none-match'] = validators.etag;
  else if (validators.lastModified !== undefined) headers['if-modified-since'] = validators.lastModified;
}

/**
 * A 304 may carry updated validators (RFC 9110 §15.4.5): a `Last-Modified` beside the same ETag is kept.
 * R-304-VALIDATOR: a 304 whose validator differs from the stored one updates nothing (RFC 9111 §4.3.4
 * selects the stored response to update by its validator). nginx and Django answer `W/"x"` on a gzipped
 * 200 and `"x"` on the 304: adopting that would make writes protected only after a 304.
 */
export function refreshValidators(previous: Validators, notModified: Headers): Validators {
  const etag = notModified.get('etag');
  const lastModified = notModified.get('last-modified');
  // Without an ETag a 304 can only repeat the stored Last-Modified; with a different one it is another version.
  if (etag !== previous.etag) return previous;
  return lastModified === null || lastModified === previous.lastModified ? previous : { ...previous, lastModified };
}
