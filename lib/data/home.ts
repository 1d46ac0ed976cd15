import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { countAccounts } from "./account-list";

/** The figures on each role's home page, all within the viewer's scope. */
export async function homeSummary(viewer: Viewer) {
  const team = viewer.teamId
    ? await db.team.findUnique({ where: { id: viewer.teamId }, select: { name: true, nameZh: true } })
    : null;
  if (hasCapability(viewer, "organisation.overview")) {
    const [activeUsers, teams, territories] = await Promise.all([
      db.user.count({ where: { active: true } }),
      db.team.count({ where: { deletedAt: null } }),
      db.territory.count({ where: { deletedAt: null } }),
    ]);
    return { kind: "admin" as const, team, activeUsers, teams, territories };
  }
  const teamIds = viewer.visibleTeamIds === "all" ? undefined : [...viewer.visibleTeamIds];
  const [myAccounts, scopeAccounts, members] = await Promise.all([
    countAccounts(viewer, { ownedOnly: true }),
    countAccounts(viewer),
    db.user.findMany({
      where: { active: true, teamId: { in: teamIds ?? [] } },
      select: {
        id: true,
        name: true,
        jobTitle: true,
        role: true,
        team: { select: { name: true, nameZh: true } },
        _count: { select: { ownedAccounts: { where: { deletedAt: null } } } },
      },
      orderBy: [{ role: "asc" }, { name: "asc" }],
    }),
  ]);
  return { kind: "member" as const, team, myAccounts, scopeAccounts, members };
}
