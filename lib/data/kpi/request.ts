import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate, type IsoDate } from "@/lib/domain/calendar";
import type { ScopeParams } from "@/lib/domain/kpi-drill";
import { parsePeriod, type Period } from "@/lib/domain/kpi-period";
import { resolveKpiScope, type KpiScope } from "./scope";

type Params = { get(key: string): string | null };

/** The URL form of a resolved scope: what links carry so the next page resolves the same scope. */
export function scopeParamsOf(scope: KpiScope): ScopeParams {
  if (scope.kind === "person") return { person: scope.userId };
  if (scope.kind === "team") return { team: scope.teamId };
  return {};
}

/**
 * The period and scope a dashboard page or export reads from its address, resolved for the viewer
 * (a forged or foreign id gives the default scope; a malformed period the current month).
 */
export async function dashboardRequest(
  viewer: Viewer,
  params: Params,
  now = new Date(),
): Promise<{ today: IsoDate; period: Period; scope: KpiScope; scopeParams: ScopeParams }> {
  const today = chinaDate(now);
  const period = parsePeriod(
    { period: params.get("period"), from: params.get("from"), to: params.get("to") },
    today,
  );
  const scope = await resolveKpiScope(viewer, { team: params.get("team"), person: params.get("person") });
  return { today, period, scope, scopeParams: scopeParamsOf(scope) };
}

export type ScopeOptions = {
  teams: { id: string; name: string; nameZh: string | null; depth: number }[];
  people: { id: string; name: string; teamId: string | null }[];
};

/**
 * What the scope picker offers: the teams and active people the viewer may see (a KAM or rep sees
 * only themselves, so nothing to pick). Teams come in tree order with their depth for indenting.
 */
export async function dashboardScopeOptions(viewer: Viewer): Promise<ScopeOptions> {
  if (!hasCapability(viewer, "kpi.team")) return { teams: [], people: [] };
  const visible = viewer.visibleTeamIds === "all" ? undefined : { in: [...viewer.visibleTeamIds] };
  const [teams, people] = await Promise.all([
    db.team.findMany({
      where: { deletedAt: null, ...(visible ? { id: visible } : {}) },
      select: { id: true, name: true, nameZh: true, parentId: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { active: true, teamId: visible ?? { not: null } },
      select: { id: true, name: true, teamId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const ids = new Set(teams.map((t) => t.id));
  const out: ScopeOptions["teams"] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of teams.filter((x) =>
      parent === null ? !x.parentId || !ids.has(x.parentId) : x.parentId === parent,
    )) {
      out.push({ id: t.id, name: t.name, nameZh: t.nameZh, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return { teams: out, people };
}
