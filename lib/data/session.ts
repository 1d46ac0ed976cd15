import "server-only";
import { db } from "@/lib/db";
import { visibleTeamsFor, type Viewer } from "@/lib/domain/access";

/**
 * Loads the person behind a session token, or null when they may no longer act: deactivated,
 * deleted, or holding a token issued before their role, team or password last changed.
 */
export async function loadViewer(userId: string, tokenVersion: number): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      active: true,
      tokenVersion: true,
      locale: true,
    },
  });
  if (!user || !user.active || user.tokenVersion !== tokenVersion) return null;
  // Only managers need the team tree (to see their sub-teams).
  const teams =
    user.role === "MANAGER"
      ? await db.team.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } })
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
