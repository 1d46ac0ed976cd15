import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { achievement, pace } from "@/lib/domain/kpi";
import { elapsedShare, previousPeriod, sameLastYear, type Period } from "@/lib/domain/kpi-period";
import { cachedPipelineSettings } from "@/lib/data/deals/settings";
import { periodTotals, type PeriodTotals } from "./dashboard-compare";
import { dealFigures, type DealFigures } from "./dashboard-deals";
import { ledgerFigures, type LedgerFigures } from "./dashboard-ledger";
import { emptyOwnerFigures, figuresByOwner, ZERO_FIGURES, type OwnerFigures } from "./figures-by-owner";
import { kpiScopeSql, subtreeOf, type KpiScope } from "./scope";
import { scopeBudgets, scopeTargets, type BudgetFigures, type TargetFigures } from "./targets-read";

const DAY = 86_400_000;
/** How many records a "needs attention" list shows (its count and drill-down have them all). */
const ATTENTION_ROWS = 5;

/** A period's figures summed over the people of a scope (the per-person figures without targets). */
export type Totals = Omit<OwnerFigures, "ownerId" | "targets">;

export type PersonRow = OwnerFigures & { name: string; teamId: string | null };
export type TeamRow = {
  id: string;
  name: string;
  nameZh: string | null;
  revenue: number;
  collections: number;
  targets: TargetFigures;
};

export type Dashboard = {
  period: Period;
  previous: Period;
  lastYear: Period;
  /** Share of the period passed by the end of today (China): the pace lines' factor. */
  elapsed: number;
  /** The period's totals, and the previous period's and last year's for 环比 and 同比. */
  totals: { current: Totals; previous: PeriodTotals; lastYear: PeriodTotals };
  targets: TargetFigures;
  budgets: BudgetFigures;
  ledger: LedgerFigures;
  deals: DealFigures;
  people: PersonRow[];
  /** The scope's child teams (a director compares regions); empty for a person or a leaf team. */
  teams: TeamRow[];
  attention: {
    behind: PersonRow[];
    overdueA: {
      count: number;
      rows: { id: string; name: string; contactDueOn: IsoDate; ownerName: string }[];
    };
    stuck: {
      count: number;
      staleDays: number;
      rows: { id: string; title: string; stage: string; enteredOn: IsoDate; ownerName: string }[];
    };
  };
};

const ZERO: Totals = ZERO_FIGURES;

export function sumFigures(rows: Iterable<OwnerFigures>): Totals {
  const out = { ...ZERO };
  for (const r of rows) for (const k of Object.keys(ZERO) as (keyof Totals)[]) out[k] += r[k];
  return out;
}

type TeamNode = { id: string; name: string; nameZh: string | null; parentId: string | null };

/** The teams directly below the scope (the top-level teams for the whole organisation). */
function childTeams(scope: KpiScope, tree: TeamNode[]): TeamNode[] {
  if (scope.kind === "person") return [];
  const parent = scope.kind === "team" ? scope.teamId : null;
  return tree.filter((t) => t.parentId === parent);
}

/**
 * Everything the dashboard shows for a scope and period, in one round of concurrent statements
 * over the rollups and narrow indexed tables (the bench calls this). `viewer` is accepted for the
 * locale-free contract and future record rules: the scope it is given was resolved for that viewer
 * by resolveKpiScope, which is where visibility is decided.
 */
export async function loadDashboard(
  viewer: Viewer,
  scope: KpiScope,
  period: Period,
  today: IsoDate,
  now = new Date(),
): Promise<Dashboard> {
  void viewer;
  const previous = previousPeriod(period);
  const lastYear = sameLastYear(period);
  const settings = await cachedPipelineSettings();
  const staleBefore = new Date(now.getTime() - (settings.staleDays + 1) * DAY);
  const todayDb = toDbDate(today);

  const [current, before, yearAgo, targets, budgets, ledger, deals, tree, members, overdueA, stuck] =
    await Promise.all([
      figuresByOwner(scope, period, today),
      periodTotals(scope, previous, today),
      periodTotals(scope, lastYear, today),
      scopeTargets(scope, period),
      scopeBudgets(scope, period),
      ledgerFigures(scope, period),
      dealFigures(scope, period),
      db.$queryRaw<
        TeamNode[]
      >`SELECT id, name, "nameZh", "parentId" FROM "Team" WHERE "deletedAt" IS NULL ORDER BY name`,
      // Everyone who belongs to the scope now, so a person with nothing yet still shows (as zero).
      db.$queryRaw<{ id: string; name: string; teamId: string | null }[]>`
      SELECT u.id, u.name, u."teamId" FROM "User" u
      WHERE u.active AND ${
        scope.kind === "person"
          ? Prisma.sql`u.id = ${scope.userId}`
          : scope.kind === "team"
            ? Prisma.sql`u."teamId" = ANY(${scope.teamIds}::text[])`
            : Prisma.sql`u."teamId" IS NOT NULL`
      }`,
      db.$queryRaw<{ id: string; name: string; contactDueOn: Date; ownerName: string; total: bigint }[]>`
      SELECT a.id, a.name, a."contactDueOn", u.name AS "ownerName", COUNT(*) OVER () AS total
      FROM "Account" a JOIN "User" u ON u.id = a."ownerId"
      WHERE a."deletedAt" IS NULL AND a.tier = 'A' AND a."contactDueOn" < ${todayDb} AND ${kpiScopeSql(scope, "a")}
      ORDER BY a."contactDueOn", a.id LIMIT ${ATTENTION_ROWS}`,
      db.$queryRaw<
        { id: string; title: string; stage: string; stageEnteredAt: Date; ownerName: string; total: bigint }[]
      >`
      SELECT d.id, d.title, d.stage::text AS stage, d."stageEnteredAt", u.name AS "ownerName", COUNT(*) OVER () AS total
      FROM "Deal" d JOIN "User" u ON u.id = d."ownerId"
      WHERE d."deletedAt" IS NULL AND d.status = 'OPEN' AND d."stageEnteredAt" < ${staleBefore} AND ${kpiScopeSql(scope, "d")}
      ORDER BY d."stageEnteredAt", d.id LIMIT ${ATTENTION_ROWS}`,
    ]);

  const names = new Map(members.map((m) => [m.id, m]));
  const missing = [...current.keys()].filter((id) => !names.has(id));
  if (missing.length) {
    const more = await db.user.findMany({
      where: { id: { in: missing } },
      select: { id: true, name: true, teamId: true },
    });
    for (const m of more) names.set(m.id, m);
  }
  const ids = new Set([...names.keys(), ...current.keys()]);
  if (scope.kind === "person") for (const id of [...ids]) if (id !== scope.userId) ids.delete(id);
  const people: PersonRow[] = [...ids].map((id) => {
    const f = current.get(id) ?? emptyOwnerFigures(id);
    const who = names.get(id);
    return { ...f, name: who?.name ?? id, teamId: who?.teamId ?? null };
  });
  people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));

  const elapsed = elapsedShare(period, today);
  const children = childTeams(scope, tree);
  const childTargets = await Promise.all(
    children.map((c) => scopeTargets({ kind: "team", teamId: c.id, teamIds: [c.id] }, period)),
  );
  const teams: TeamRow[] = children.map((c, i) => {
    const sub = subtreeOf(c.id, tree);
    const sums = sub.reduce(
      (s, id) => {
        const t = ledger.byTeam.get(id);
        return t ? { revenue: s.revenue + t.revenue, collections: s.collections + t.collections } : s;
      },
      { revenue: 0, collections: 0 },
    );
    return { id: c.id, name: c.name, nameZh: c.nameZh, ...sums, targets: childTargets[i]! };
  });

  return {
    period,
    previous,
    lastYear,
    elapsed,
    totals: {
      current: sumFigures(scope.kind === "person" ? people : current.values()),
      previous: before,
      lastYear: yearAgo,
    },
    targets,
    budgets,
    ledger,
    deals,
    people,
    teams,
    attention: {
      behind: people.filter((p) => pace(p.revenue, p.targets.REVENUE, elapsed)?.behind === true),
      overdueA: {
        count: Number(overdueA[0]?.total ?? 0),
        rows: overdueA.map((a) => ({
          id: a.id,
          name: a.name,
          contactDueOn: fromDbDate(a.contactDueOn),
          ownerName: a.ownerName,
        })),
      },
      stuck: {
        count: Number(stuck[0]?.total ?? 0),
        staleDays: settings.staleDays,
        rows: stuck.map((d) => ({
          id: d.id,
          title: d.title,
          stage: d.stage,
          enteredOn: chinaDate(d.stageEnteredAt),
          ownerName: d.ownerName,
        })),
      },
    },
  };
}

/** Achievement of a person or team against its revenue target (for the ranking). */
export const revenueAchievement = (row: { revenue: number; targets: TargetFigures }) =>
  achievement(row.revenue, row.targets.REVENUE);
