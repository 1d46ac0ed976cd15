// Session lifetime: at most 12 hours from sign-in, and ended after 30 minutes without a request.

export const SESSION_POLICY = { absoluteMs: 12 * 60 * 60_000, idleMs: 30 * 60_000 } as const;

export type SessionStatus = "active" | "idle" | "expired";

export function sessionStatus(times: { signedInAt: number; lastSeenAt: number }, now: number): SessionStatus {
  if (now - times.signedInAt > SESSION_POLICY.absoluteMs) return "expired";
  if (now - times.lastSeenAt > SESSION_POLICY.idleMs) return "idle";
  return "active";
}

/** Refresh the idle clock at most once a minute, so not every request rewrites the cookie. */
export function shouldRefreshLastSeen(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt > 60_000;
}
