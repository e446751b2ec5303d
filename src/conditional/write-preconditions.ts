import { warnWeakEtag } from './cors-warning.js';
import { originOf } from './dev-warnings.js';
import { readValidators, type ValidatorStore } from './validator-store.js';

/**
 * R-IF-MATCH: a PUT, PATCH or DELETE to `url` gets `If-Match` with the strong ETag last seen for it
 * (unless the caller set one). R-WEAK-ETAG: when only a weak ETag is known, the write goes without,
 * and in development the app is told once per origin that its writes are not protected.
 */
export function addIfMatch(store: ValidatorStore, url: string, headers: Record<string, string>): void {
  if ('if-match' in headers) return;
  const etag = store.ifMatch(url);
  if (etag !== undefined) headers['if-match'] = etag;
  else if (store.weakOnly(url)) warnWeakEtag(store.warnings, originOf(url));
}

/**
 * What a 2xx GET, PUT, PATCH or DELETE tells the validator store. R-ETAG-STORE and R-WRITE-ETAG: remember
 * the version the data is (paired with the data object itself for queries and writes). R-WRITE-NO-ETAG:
 * a write answered without validators made the stored ones stale, so they are dropped, and the next own
 * write is never a false 412 (Django's PATCH answers carry no ETag).
 */
export function storeValidators(
  store: ValidatorStore,
  method: string,
  url: string,
  response: Headers,
  request: Record<string, string>,
  data: unknown,
  pairWithData: boolean,
): void {
  if (method === 'DELETE') return store.forget(url);
  const validators = readValidators(response, request);
  if (validators) store.remember(url, validators, pairWithData || method !== 'GET' ? data : undefined);
  else if (method !== 'GET') store.forget(url);
}
