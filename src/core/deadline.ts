// Monotonic: a wall-clock change (NTP, a user setting the time) must not move a timeout.
const clock = (): number => performance.now();

/**
 * Per-attempt timeouts (R-TIMEOUT) on one shared timer: an attempt registers its controller and its
 * deadline, and one `setTimeout`, set for the earliest deadline, aborts whatever has expired. A request
 * then costs a Set insert and delete rather than a timer of its own (most calls end long before their
 * deadline). The timer is not cleared when nothing is pending: it fires once, finds nothing and stops.
 */
interface Pending {
  at: number;
  controller: AbortController;
  reason: () => unknown;
}

const pending = new Set<Pending>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;
// A test that installs fake timers gets a timer of its own clock.
let scheduledWith: typeof setTimeout | undefined;

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

/** Aborts `controller` with `reason()` once `ms` have passed, unless the returned function is called first. */
export function deadline(controller: AbortController, ms: number, reason: () => unknown): () => void {
  const entry: Pending = { at: clock() + ms, controller, reason };
  pending.add(entry);
  schedule(entry.at);
  return () => void pending.delete(entry);
}
