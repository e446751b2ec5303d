/**
 * R-EMPTY-KEY: whether the request carries a usable `Idempotency-Key`. An empty (or blank) value is
 * no key: the server cannot deduplicate on it, so it must not make a POST or PATCH retryable.
 */
export function isIdempotencyKey(headers: Headers): boolean {
  const key = headers.get('idempotency-key');
  return key !== null && key.trim() !== '';
}
