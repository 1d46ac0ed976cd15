// Failed sign-in throttling. Counters are kept per account and per IP address; after a few
// failures each further attempt waits longer (30 s, 60 s, 120 s … up to 15 min). A quiet window
// forgives old failures. IPs get a higher threshold because an office shares one address.

export type ThrottleState = { failures: number; lastFailedAt: Date; blockedUntil: Date | null };

export const THROTTLE = {
  windowMs: 15 * 60_000,
  accountThreshold: 5,
  ipThreshold: 20,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const;

export type ThrottleKind = "account" | "ip";

function threshold(kind: ThrottleKind): number {
  return kind === "account" ? THROTTLE.accountThreshold : THROTTLE.ipThreshold;
}

/** The delay imposed after the n-th consecutive failure (0 below the threshold). */
export function delayAfterFailures(failures: number, kind: ThrottleKind): number {
  const over = failures - threshold(kind);
  if (over < 0) return 0;
  return Math.min(THROTTLE.baseDelayMs * 2 ** over, THROTTLE.maxDelayMs);
}

/** The state after one more failure at `now`. */
export function registerFailure(state: ThrottleState | null, kind: ThrottleKind, now: Date): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailedAt.getTime() > THROTTLE.windowMs;
  const failures = stale ? 1 : state.failures + 1;
  const delay = delayAfterFailures(failures, kind);
  return { failures, lastFailedAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}

/** Seconds the caller must still wait, or 0 if an attempt may be made now. */
export function secondsBlocked(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  const ms = state.blockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
