/** The longest delay `setTimeout` honours: 2³¹−1 ms (about 24.8 days). A longer one fires at once. */
export const maxTimerDelay = 2_147_483_647;

/**
 * R-TIMER-LIMIT: checks a duration option (ms) before any timer is made from it. Throws a `RangeError`
 * naming the option when it is not a number in `[min, 2³¹−1]`; a longer wait would fire immediately
 * (browsers and Node clamp it to 1 ms), turning "wait 30 days" into "retry now".
 */
export function checkTimerDelay(name: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !(value >= min) || value > maxTimerDelay) {
    throw new RangeError(`fetchwise: ${name} must be a number of ms between ${min} and ${maxTimerDelay} (about 24.8 days; longer timers fire at once), got ${String(value)}`);
  }
  return value;
}
