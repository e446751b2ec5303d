// Monotonic: a wall-clock change (NTP, a user setting the time) must not move a timeout.
const clock = (): number => performance.now();

/**
 * Per-attempt timeouts (R-TIMEOUT) on one shared timer: an attempt registers its controller and its
 * deadline, and one `setTimeout`, set for the earliest deadline, aborts whatever has expired. A request
 * then costs a Set insert and delete rather than a timer of its own (most calls end long before their
 * deadline). The timer is not cleared when nothing is pending: it fires once, finds nothing and stops.
 */
export interface Deadline {
  at: number;
  readonly controller: AbortController;
  reason: () => unknown;
  /** Attempts this controller served before. */
  uses: number;
}

const pending = new Set<Deadline>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;
// A test that installs fake timers gets a timer of its own clock.
let scheduledWith: typeof setTimeout | undefined;
// A controller that never aborted serves the next attempt (an AbortController per request was a tenth
// of fetchwise's own time in Chromium). A finished fetch that still follows its signal ignores a later
// abort. Each serves 32 attempts at most, so a runtime that keeps a listener per fetch on the signal until
// GC (Node's undici) never sees many.
let spare: Deadline | undefined;

function schedule(at: number): void {
  if (timer !== undefined && timerAt <= at && scheduledWith === setTimeout) return;
  if (timer !== undefined) clearTimeout(timer);
  timerAt = at;
  scheduledWith = setTimeout;
  timer = setTimeout(expire, Math.max(0, at - clock()));
  // Node: a pending deadline must not keep the process alive.
  (timer as { unref?: () => void }).unref?.();
}

function expire(): void {
  // The timer firing is itself proof that its deadline passed, even under fake timers that leave the clock alone.
  const now = Math.max(clock(), timerAt);
  timer = undefined;
  timerAt = Infinity;
  let next = Infinity;
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.controller.abort(entry.reason());
    } else if (entry.at < next) next = entry.at;
  }
  if (next !== Infinity) schedule(next);
}

/** A controller that aborts with `reason()` once `ms` have passed, unless {@link endDeadline} comes first. */
export function startDeadline(ms: number, reason: () => unknown): Deadline {
  const entry = spare ?? ({ controller: new AbortController(), uses: 0 } as Deadline);
  spare = undefined;
  entry.at = clock() + ms;
  entry.reason = reason;
  pending.add(entry);
  schedule(entry.at);
  return entry;
}

/** The attempt is over (its body read or given up): the deadline no longer applies. */
export function endDeadline(entry: Deadline): void {
  pending.delete(entry);
  if (!entry.controller.signal.aborted && ++entry.uses < 32) spare = entry;
}
