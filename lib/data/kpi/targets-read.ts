import "server-only";
import { db, Prisma } from "@/lib/db";
import { addDays, chinaDayStart, toDbDate } from "@/lib/domain/calendar";
import { monthShares, type Period } from "@/lib/domain/kpi-period";
import type { KpiScope } from "./scope";

export type TargetFigures = {
  REVENUE: number | null;
  COLLECTIONS: number | null;
  NEW_ACCOUNTS: number | null;
  VISITS: number | null;
};

type Num = number | bigint | null;

function monthsIn(period: Period) {
  const shares = monthShares(period);
  return {
    shares: new Map(shares.map((m) => [`${m.year}-${m.month}`, m.share])),
    sql: Prisma.join(shares.map((m) => Prisma.sql`(${m.year}, ${m.month})`)),
  };
}

/**
 * The target a scope is measured against over a period: a person's own; a team's own figure (set
 * by the level above — the sum of its children is shown beside it, not used in its place); for the
 * whole organisation, the sum of the top-level teams' figures. Months a custom period cuts are
 * prorated by days. A metric with no target anywhere in the period is null.
 */
export async function scopeTargets(scope: KpiScope, period: Period): Promise<TargetFigures> {
  const { shares, sql } = monthsIn(period);
  const subject =
    scope.kind === "person"
      ? Prisma.sql`t.subject = ${`user:${scope.userId}`}`
      : scope.kind === "team"
        ? Prisma.sql`t.subject = ${`team:${scope.teamId}`}`
        : Prisma.sql`t."teamId" IN (SELECT id FROM "Team" WHERE "parentId" IS NULL AND "deletedAt" IS NULL)`;
  const rows = await db.$queryRaw<{ metric: keyof TargetFigures; year: number; month: number; value: Num }[]>`
    SELECT t.metric, t.year, t.month, t.value FROM "SalesTarget" t
    WHERE t."deletedAt" IS NULL AND ${subject} AND (t.year, t.month) IN (${sql})`;
  const out: TargetFigures = { REVENUE: null, COLLECTIONS: null, NEW_ACCOUNTS: null, VISITS: null };
  for (const r of rows) {
    out[r.metric] = (out[r.metric] ?? 0) + Number(r.value ?? 0) * (shares.get(`${r.year}-${r.month}`) ?? 0);
  }
  return out;
}

export type BudgetLine = { budget: number | null; spent: number };
export type BudgetFigures = { VISIT: BudgetLine; GIFT: BudgetLine; RECEPTION: BudgetLine };

/**
 * 费用预算 and what was spent against it: the budgets of every team in the scope (a person has no
 * budget of their own: null), against recorded visit costs (by visit day) and approved gift and
 * reception requests (by the day they were approved). Money in fen.
 */
export async function scopeBudgets(scope: KpiScope, period: Period): Promise<BudgetFigures> {
  const { shares, sql } = monthsIn(period);
  const teamFilter = (alias: string) => {
    const t = Prisma.raw(`"${alias}"`);
    return scope.kind === "team"
      ? Prisma.sql`${t}."teamId" = ANY(${scope.teamIds}::text[])`
      : scope.kind === "person"
        ? Prisma.sql`${t}."ownerId" = ${scope.userId}`
        : Prisma.sql`TRUE`;
  };
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const [budgets, visits, requests] = await Promise.all([
    scope.kind === "person"
      ? Promise.resolve([])
      : db.$queryRaw<{ category: keyof BudgetFigures; year: number; month: number; amount: Num }[]>`
          SELECT b.category, b.year, b.month, b.amount FROM "ExpenseBudget" b
          WHERE b."deletedAt" IS NULL AND ${scope.kind === "team" ? Prisma.sql`b."teamId" = ANY(${scope.teamIds}::text[])` : Prisma.sql`TRUE`}
            AND (b.year, b.month) IN (${sql})`,
    db.$queryRaw<{ cost: Num }[]>`
      SELECT SUM(r.cost) AS cost FROM "VisitDayRollup" r
      WHERE ${teamFilter("r")} AND r.day BETWEEN ${toDbDate(period.start)} AND ${toDbDate(period.end)}`,
    db.$queryRaw<{ kind: "GIFT" | "RECEPTION"; amount: Num }[]>`
      SELECT q.kind, SUM(q.amount) AS amount FROM "VisitRequest" q
      WHERE q."deletedAt" IS NULL AND q.status = 'APPROVED' AND q."decidedAt" >= ${from} AND q."decidedAt" < ${until}
        AND ${teamFilter("q")}
      GROUP BY q.kind`,
  ]);
  const out: BudgetFigures = {
    VISIT: { budget: null, spent: Number(visits[0]?.cost ?? 0) },
    GIFT: { budget: null, spent: 0 },
    RECEPTION: { budget: null, spent: 0 },
  };
  for (const r of requests) out[r.kind].spent = Number(r.amount ?? 0);
  for (const b of budgets) {
    const line = out[b.category];
    line.budget = (line.budget ?? 0) + Number(b.amount ?? 0) * (shares.get(`${b.year}-${b.month}`) ?? 0);
  }
  return out;
}
