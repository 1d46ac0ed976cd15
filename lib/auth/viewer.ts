import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { loadViewer } from "@/lib/data/session";
import { sessionStatus } from "@/lib/domain/session-policy";
import type { Viewer } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { decodeSession, sessionCookieName } from "./session-token";

/**
 * The signed-in person for this request, or null. Checked on every request (not only at sign-in):
 * the session's age and idle time, that the user is still active, and that their token was issued
 * after their last role, team or password change. Cached per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const store = await cookies();
  const claims = await decodeSession(store.get(sessionCookieName())?.value);
  if (!claims || sessionStatus(claims, Date.now()) !== "active") return null;
  return loadViewer(claims.uid, claims.tv);
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
