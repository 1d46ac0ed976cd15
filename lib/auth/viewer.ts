import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { loadSessionViewer } from "@/lib/data/session";
import type { Viewer } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { sessionFromCookie } from "./session";
import { sessionCookieName, type SessionClaims } from "./session-token";

/** The active session's claims for this request, or null. Cached per request. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const session = await sessionFromCookie((await cookies()).get(sessionCookieName())?.value);
  return session.status === "active" ? session.claims : null;
});

/**
 * The signed-in person for this request, or null. Checked on every request (pages, server actions
 * and route handlers alike), not only at sign-in: the session's age and idle time, that its sign-in
 * has not been ended (sign-out), that the user is still active, and that their token was issued
 * after their last role, team or password change. Cached per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return loadSessionViewer({ userId: claims.uid, tokenVersion: claims.tv, sessionId: claims.sid });
});

/** For pages: the viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For actions and route handlers: the viewer, or an UNAUTHENTICATED error. */
export async function viewerOrThrow(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  return viewer;
}
