import "server-only";
import { db, type Tx } from "@/lib/db";
import { canSetBudget, hasCapability, type Viewer } from "@/lib/domain/access";
import {
  BUDGET_CATEGORIES,
  emptyMonths,
  MONTHS,
  monthsFromRows,
  type BudgetCategory,
  type Months,
} from "@/lib/domain/targets";
import { AppError, forbidden, notFound, staleVersion } from "@/lib/errors";
import type { BudgetSetRef, SaveBudgetInput } from "@/lib/validation/targets";
import { mutate } from "../audit";
import { spendByMonth, spendByTeam } from "./actuals";
import { auditMonths, clearedMonths, liveMonths, lockSet, setVersionOf, type SetRow } from "./month-set";
import { teamName } from "./subjects";

// 费用预算: a team's monthly budget per category (拜访费用, 礼品馈赠, 客户接待) against what it spent
// (its own recorded visit costs and approved requests). Set by the level above, like team targets.

type Client = Tx | typeof db;

export type BudgetLine = { category: BudgetCategory; budget: Months | null; spent: Months };
export type BudgetTeam = { id: string; name: string; depth: number; canEdit: boolean; lines: BudgetLine[] };

/** A team the viewer sees (kpi.team), or NOT_FOUND. */
async function scopedTeam(client: Client, viewer: Viewer, teamId: string) {
  const inSight = viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(teamId);
  if (!hasCapability(viewer, "kpi.team") || !inSight) throw notFound("team");
  const team = await client.team.findFirst({
    where: { id: teamId, deletedAt: null },
    select: { id: true, name: true, nameZh: true },
  });
  if (!team) throw notFound("team");
  return { id: team.id, name: teamName(viewer, team) };
}

/** Every team the viewer sees, depth first, each with its three categories' budgets and spend for `year`. */
export async function budgetGrid(viewer: Viewer, year: number): Promise<BudgetTeam[]> {
  if (!hasCapability(viewer, "kpi.team")) throw notFound("budgets");
  const ids = viewer.visibleTeamIds === "all" ? undefined : [...viewer.visibleTeamIds];
  const teams = await db.team.findMany({
    where: { deletedAt: null, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, parentId: true, name: true, nameZh: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const teamIds = teams.map((t) => t.id);
  const [budgets, spend] = await Promise.all([
    db.expenseBudget.findMany({
      where: { deletedAt: null, year, teamId: { in: teamIds } },
      select: { teamId: true, category: true, month: true, amount: true },
    }),
    spendByTeam(db, teamIds, year),
  ]);
  const key = (teamId: string, category: string) => `${teamId}/${category}`;
  const budgetRows = new Map<string, { month: number; value: bigint }[]>();
  for (const b of budgets) {
    const k = key(b.teamId, b.category);
    budgetRows.set(k, [...(budgetRows.get(k) ?? []), { month: b.month, value: b.amount }]);
  }
  const spent = new Map<string, Months>();
  for (const s of spend) {
    const k = key(s.teamId, s.category);
    const months = spent.get(k) ?? emptyMonths();
    months[s.month - 1]! += s.spent;
    spent.set(k, months);
  }
  // Depth first, so a sub-team sits under its parent.
  const visible = new Set(teamIds);
  const out: BudgetTeam[] = [];
  const seen = new Set<string>();
  const walk = (team: (typeof teams)[number], depth: number) => {
    if (seen.has(team.id)) return;
    seen.add(team.id);
    out.push({
      id: team.id,
      name: teamName(viewer, team),
      depth,
      canEdit: canSetBudget(viewer, team.id),
      lines: BUDGET_CATEGORIES.map((category) => {
        const rows = budgetRows.get(key(team.id, category));
        return {
          category,
          budget: rows ? monthsFromRows(rows) : null,
          spent: spent.get(key(team.id, category)) ?? emptyMonths(),
        };
      }),
    });
    for (const child of teams.filter((t) => t.parentId === team.id)) walk(child, depth + 1);
  };
  for (const t of teams) if (!t.parentId || !visible.has(t.parentId)) walk(t, 0);
  return out;
}

async function setRows(
  client: Client,
  teamId: string,
  year: number,
  category: BudgetCategory,
): Promise<SetRow[]> {
  const rows = await client.expenseBudget.findMany({
    where: { teamId, year, category },
    select: { id: true, month: true, amount: true, version: true, deletedAt: true },
  });
  return rows.map(({ amount, ...r }) => ({ ...r, value: amount }));
}

export type BudgetSetDetail = {
  team: { id: string; name: string };
  year: number;
  category: BudgetCategory;
  months: Months | null;
  cleared: Months | null;
  version: number;
  spent: Months;
  lastYear: Months;
  canEdit: boolean;
};

/** One team's budget for a year and category, with this year's and last year's spend. */
export async function budgetSetDetail(
  viewer: Viewer,
  opts: { teamId: string; year: number; category: BudgetCategory },
): Promise<BudgetSetDetail> {
  const team = await scopedTeam(db, viewer, opts.teamId);
  const [rows, spent, lastYear] = await Promise.all([
    setRows(db, team.id, opts.year, opts.category),
    spendByMonth(db, team.id, opts.year, opts.category),
    spendByMonth(db, team.id, opts.year - 1, opts.category),
  ]);
  return {
    team,
    year: opts.year,
    category: opts.category,
    months: liveMonths(rows),
    cleared: clearedMonths(rows),
    version: setVersionOf(rows),
    spent,
    lastYear,
    canEdit: canSetBudget(viewer, team.id),
  };
}

const auditId = (s: { teamId: string; category: string; year: number }) =>
  `${s.teamId}/${s.category}/${s.year}`;

async function lockedSet(tx: Tx, viewer: Viewer, ref: BudgetSetRef) {
  const team = await scopedTeam(tx, viewer, ref.teamId);
  if (!canSetBudget(viewer, team.id)) throw forbidden();
  await lockSet(tx, `ExpenseBudget/${auditId(ref)}`);
  const rows = await setRows(tx, team.id, ref.year, ref.category);
  const version = setVersionOf(rows);
  if (version !== ref.version) throw staleVersion();
  return { team, rows, version };
}

/** Saves a team's twelve monthly budgets in one category, in one transaction. */
export async function saveBudget(viewer: Viewer, input: SaveBudgetInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { team, rows, version } = await lockedSet(tx, viewer, input);
    const next = version + 1;
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    for (const month of MONTHS) {
      const row = byMonth.get(month);
      if (row) {
        await tx.expenseBudget.update({
          where: { id: row.id },
          data: { amount: input.months[month - 1]!, version: next, deletedAt: null },
        });
      }
    }
    await tx.expenseBudget.createMany({
      data: MONTHS.filter((m) => !byMonth.has(m)).map((month) => ({
        teamId: team.id,
        year: input.year,
        month,
        category: input.category,
        amount: input.months[month - 1]!,
        version: next,
      })),
    });
    const set = { teamId: team.id, category: input.category, year: input.year };
    await audit({
      action: "expenseBudget.set",
      entity: "ExpenseBudget",
      entityId: auditId(set),
      before: { ...set, months: auditMonths(liveMonths(rows)) },
      after: { ...set, months: auditMonths(input.months) },
    });
    return { version: next };
  });
}

async function setCleared(viewer: Viewer, ref: BudgetSetRef, clear: boolean) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { team, rows, version } = await lockedSet(tx, viewer, ref);
    const months = clear ? liveMonths(rows) : clearedMonths(rows);
    if (!months) throw new AppError("CONFLICT", clear ? "nothing to clear" : "nothing to restore");
    await tx.expenseBudget.updateMany({
      where: { teamId: team.id, year: ref.year, category: ref.category },
      data: { deletedAt: clear ? new Date() : null, version: version + 1 },
    });
    const set = { teamId: team.id, category: ref.category, year: ref.year };
    await audit({
      action: clear ? "expenseBudget.clear" : "expenseBudget.restore",
      entity: "ExpenseBudget",
      entityId: auditId(set),
      before: clear ? { ...set, months: auditMonths(months) } : null,
      after: clear ? null : { ...set, months: auditMonths(months) },
    });
    return { version: version + 1 };
  });
}

export const clearBudget = (viewer: Viewer, ref: BudgetSetRef) => setCleared(viewer, ref, true);
export const restoreBudget = (viewer: Viewer, ref: BudgetSetRef) => setCleared(viewer, ref, false);
