import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";

export type OwnerOption = { id: string; name: string; teamId: string };

/**
 * People who may own records the viewer sees: active users whose team is in the viewer's scope
 * (every active user with a team, for administrators). Used by owner filters and reassign pickers.
 */
export async function listOwnerOptions(viewer: Viewer): Promise<OwnerOption[]> {
  const teamIds = viewer.visibleTeamIds === "all" ? null : [...viewer.visibleTeamIds];
  const rows = await db.user.findMany({
    where: { active: true, teamId: teamIds === null ? { not: null } : { in: teamIds } },
    select: { id: true, name: true, teamId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.filter((r): r is OwnerOption => r.teamId !== null);
}
