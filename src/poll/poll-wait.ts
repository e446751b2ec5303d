import { maxTimerDelay } from '../retry/timer-limit.js';

/**
 * R-POLL-FLOOR: the wait before the next poll. `Retry-After` may lengthen it, never shorten it below
 * `interval`: `Retry-After: 0`, a date in the past (both parse to 0) and a missing header all wait
 * `interval`, so a hostile or confused server cannot turn polling into a request storm. Capped at the
 * longest timer (R-TIMER-LIMIT); `maxWait` bounds the whole poll on top of this.
 */
export function pollWait(retryAfter: number | undefined, interval: number): number {
  return Math.min(maxTimerDelay, Math.max(interval, retryAfter ?? 0));
}
