import "server-only";
import { db } from "@/lib/db";
import { visibleTeamsFor, type Viewer } from "@/lib/domain/access";

/**
 * Loads the person behind a session token, or null when they may no longer act: deactivated,
 * deleted, or holding a token issued before their role, team or password last changed.
 */
export async function loadViewer(userId: string, tokenVersion: number): Promise<Viewer | null> {
  // Every request runs this, so it is one plain statement (no ORM query planning on the hot path).
  const [user] = await db.$queryRaw<
    {
      id: string;
      name: string;
      email: string;
      role: Viewer["role"];
      teamId: string | null;
      active: boolean;
      tokenVersion: number;
      locale: string;
    }[]
  >`SELECT id, name, email, role, "teamId", active, "tokenVersion", locale FROM "User" WHERE id = ${userId}`;
  if (!user || !user.active || user.tokenVersion !== tokenVersion) return null;
  // Only managers need the team tree (to see their sub-teams).
  const teams =
    user.role === "MANAGER"
      ? await db.$queryRaw<{ id: string; parentId: string | null }[]>`
          SELECT id, "parentId" FROM "Team" WHERE "deletedAt" IS NULL`
      : [];
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    visibleTeamIds: visibleTeamsFor(user, teams),
    locale: user.locale === "en" ? "en" : "zh-CN",
  };
}
