import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, visibleTeamsFor, type Viewer } from "@/lib/domain/access";

/**
 * Whose figures a KPI view adds up: the whole organisation (administrators), a team with every team
 * below it, or one person (their own records wherever they sit). Resolved from the URL by
 * resolveKpiScope, which never widens what the viewer may see.
 */
export type KpiScope =
  | { kind: "organisation" }
  | { kind: "team"; teamId: string; teamIds: string[] }
  | { kind: "person"; userId: string; teamId: string | null };

/** What a user or team id can look like (cuids and the seeded ids such as usr_east_rep1). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

type TeamNode = { id: string; parentId: string | null };

async function teamTree(): Promise<TeamNode[]> {
  return db.$queryRaw<TeamNode[]>`SELECT id, "parentId" FROM "Team" WHERE "deletedAt" IS NULL`;
}

/** The team and all teams below it. */
export function subtreeOf(teamId: string, tree: readonly TeamNode[]): string[] {
  return visibleTeamsFor({ role: "MANAGER", teamId }, tree) as string[];
}

/** The scope a viewer gets when the URL names nothing (or something they may not see). */
function defaultScope(viewer: Viewer): KpiScope {
  if (viewer.visibleTeamIds === "all") return { kind: "organisation" };
  if (hasCapability(viewer, "kpi.team") && viewer.teamId) {
    return { kind: "team", teamId: viewer.teamId, teamIds: [...viewer.visibleTeamIds] };
  }
  return { kind: "person", userId: viewer.id, teamId: viewer.teamId };
}

/**
 * Reads `team` / `person` from the URL. KAMs and reps always get their own figures; managers any
 * team in their subtree or any person in it (themselves included); administrators anything. An id
 * outside that answers the default scope, exactly as if it had not been given — a forged id
 * reveals nothing, not even whether it exists.
 */
export async function resolveKpiScope(
  viewer: Viewer,
  params: { team?: string | null; person?: string | null },
): Promise<KpiScope> {
  const fallback = defaultScope(viewer);
  if (!hasCapability(viewer, "kpi.team")) return fallback;
  const visible = (teamId: string | null) =>
    teamId !== null && (viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(teamId));
  if (params.person) {
    // Ids are short word characters; anything else (a NUL, a crafted string) cannot name anyone
    // and must not reach the database, where a NUL byte is an error rather than "no such row".
    if (!ID.test(params.person)) return fallback;
    if (params.person === viewer.id) return { kind: "person", userId: viewer.id, teamId: viewer.teamId };
    const person = await db.user.findUnique({
      where: { id: params.person },
      select: { id: true, teamId: true },
    });
    if (person && visible(person.teamId)) return { kind: "person", userId: person.id, teamId: person.teamId };
    return fallback;
  }
  if (params.team && visible(params.team)) {
    return { kind: "team", teamId: params.team, teamIds: subtreeOf(params.team, await teamTree()) };
  }
  return fallback;
}

/** The scope as a SQL condition on a table with "ownerId" and "teamId" columns. */
export function kpiScopeSql(scope: KpiScope, alias: string): Prisma.Sql {
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  switch (scope.kind) {
    case "organisation":
      return Prisma.sql`TRUE`;
    case "team":
      return Prisma.sql`${t}."teamId" = ANY(${scope.teamIds}::text[])`;
    case "person":
      return Prisma.sql`${t}."ownerId" = ${scope.userId}`;
  }
}

/** The scope as a Prisma where clause on an owned model (accounts, deals, visits, ledger lines). */
export function kpiScopeWhere(scope: KpiScope): { ownerId?: string; teamId?: { in: string[] } } {
  switch (scope.kind) {
    case "organisation":
      return {};
    case "team":
      return { teamId: { in: scope.teamIds } };
    case "person":
      return { ownerId: scope.userId };
  }
}
