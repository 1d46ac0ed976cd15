import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hasCapability, visibleTeamsFor, type Viewer } from "@/lib/domain/access";
import { SESSION_POLICY } from "@/lib/domain/session-policy";
import { mutate } from "./audit";

type UserRow = {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  role: Viewer["role"];
  teamId: string | null;
  active: boolean;
  tokenVersion: number;
  locale: string;
};

async function toViewer(user: UserRow | undefined, tokenVersion: number): Promise<Viewer | null> {
  if (!user || !user.active || user.tokenVersion !== tokenVersion) return null;
  // Only managers need the team tree (to see their sub-teams).
  const teams = hasCapability(user, "teams.subtree")
    ? await db.$queryRaw<{ id: string; parentId: string | null }[]>`
          SELECT id, "parentId" FROM "Team" WHERE "deletedAt" IS NULL`
    : [];
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    jobTitle: user.jobTitle,
    role: user.role,
    teamId: user.teamId,
    visibleTeamIds: visibleTeamsFor(user, teams),
    locale: user.locale === "en" ? "en" : "zh-CN",
  };
}

/**
 * The person behind a session cookie, or null when they may no longer act: the sign-in was ended
 * (signed out), the user was deactivated or deleted, or the token predates their last role, team
 * or password change. Every request runs this, so it is one plain statement (no ORM planning).
 */
export async function loadSessionViewer(session: {
  userId: string;
  tokenVersion: number;
  sessionId: string;
}): Promise<Viewer | null> {
  const [user] = await db.$queryRaw<UserRow[]>`
    SELECT u.id, u.name, u.email, u."jobTitle", u.role, u."teamId", u.active, u."tokenVersion", u.locale
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${session.sessionId} AND s."userId" = ${session.userId} AND s."endedAt" IS NULL`;
  return toViewer(user, session.tokenVersion);
}

/** A user as a viewer without a session (tests, benchmarks, background work). */
export async function loadViewer(userId: string, tokenVersion: number): Promise<Viewer | null> {
  const [user] = await db.$queryRaw<UserRow[]>`
    SELECT id, name, email, "jobTitle", role, "teamId", active, "tokenVersion", locale FROM "User" WHERE id = ${userId}`;
  return toViewer(user, tokenVersion);
}

/** A new, unguessable session id (128 random bits). */
export const newSessionId = () => randomBytes(16).toString("base64url");

/** Rows of sessions that can no longer be used by anyone (past the absolute limit), kept a day for the record. */
export const expiredSessionsBefore = (now: Date) =>
  new Date(now.getTime() - SESSION_POLICY.absoluteMs - 24 * 60 * 60_000);

/** Signing out: ends this sign-in's session row (a copy of the cookie is useless from now on). */
export async function endSession(viewer: Viewer, sessionId: string): Promise<void> {
  await mutate(viewer, async ({ tx, audit }) => {
    await tx.userSession.updateMany({
      where: { id: sessionId, userId: viewer.id, endedAt: null },
      data: { endedAt: new Date(), endReason: "signOut" },
    });
    await audit({ action: "auth.signOut", entity: "User", entityId: viewer.id });
  });
}
