// The one session check. Pages, server actions and route handlers find the viewer through
// getViewer (lib/auth/viewer.ts), the proxy through sessionFromCookie — both decide a token's fate
// with sessionStatus, and only an active token ever gets its idle clock moved forward.
import { sessionStatus, shouldRefreshLastSeen, type SessionStatus } from "@/lib/domain/session-policy";
import { decodeSession, type SessionClaims } from "./session-token";

export type SessionRead =
  | { status: "none"; claims: null }
  | { status: Exclude<SessionStatus, "active">; claims: SessionClaims }
  | { status: "active"; claims: SessionClaims; refresh: SessionClaims | null };

/**
 * Reads a session cookie: no token, an ended one (idle or past its 12 hours), or an active one with
 * the refreshed claims to write back when its idle clock is due a move (at most once a minute).
 * Whether the person may still act (signed out, deactivated, token version) needs the database:
 * getViewer checks that on every request.
 */
export async function sessionFromCookie(raw: string | undefined, now = Date.now()): Promise<SessionRead> {
  const claims = await decodeSession(raw);
  if (!claims) return { status: "none", claims: null };
  const status = sessionStatus(claims, now);
  if (status !== "active") return { status, claims };
  return {
    status,
    claims,
    refresh: shouldRefreshLastSeen(claims.lastSeenAt, now) ? { ...claims, lastSeenAt: now } : null,
  };
}
