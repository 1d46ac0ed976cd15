import "server-only";
import { db, Prisma } from "@/lib/db";
import { addDays, chinaDayStart, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { monthShares, monthStart, type Period } from "@/lib/domain/kpi-period";
import { kpiScopeSql, type KpiScope } from "./scope";

/** What one person did in a period, from the rollups and the small tables. Money in fen. */
export type OwnerFigures = {
  ownerId: string;
  revenue: number;
  collections: number;
  visits: number;
  visitsWithOutcome: number;
  visitsAdvanced: number;
  visitCost: number;
  /** Accounts of theirs that became customers (成交客户) in the period. */
  newAccounts: number;
  dealsWon: number;
  dealsClosed: number;
  /** Follow-ups due in the period up to today, and those done by their due day. */
  followUpsDue: number;
  followUpsOnTime: number;
  /** Now, not in the period: their accounts, and those overdue for contact. */
  accounts: number;
  accountsOverdue: number;
  /** Their own monthly targets summed over the period (custom periods prorate cut months by days). */
  targets: {
    REVENUE: number | null;
    COLLECTIONS: number | null;
    NEW_ACCOUNTS: number | null;
    VISITS: number | null;
  };
};

/** Nothing done: the figures of a person with no records in the period. */
export const ZERO_FIGURES: Omit<OwnerFigures, "ownerId" | "targets"> = {
  revenue: 0,
  collections: 0,
  visits: 0,
  visitsWithOutcome: 0,
  visitsAdvanced: 0,
  visitCost: 0,
  newAccounts: 0,
  dealsWon: 0,
  dealsClosed: 0,
  followUpsDue: 0,
  followUpsOnTime: 0,
  accounts: 0,
  accountsOverdue: 0,
};

export const emptyOwnerFigures = (ownerId: string): OwnerFigures => ({
  ownerId,
  ...ZERO_FIGURES,
  targets: { REVENUE: null, COLLECTIONS: null, NEW_ACCOUNTS: null, VISITS: null },
});

type Num = number | bigint | null;
const n = (v: Num) => (v === null ? 0 : Number(v));

/**
 * Per-person figures for everyone with records in `scope` during `period` (a person scope yields
 * one row). Seven small statements, each an index range over a rollup or a narrow table; the
 * caller sums rows for team totals.
 */
export async function figuresByOwner(
  scope: KpiScope,
  period: Period,
  today: IsoDate,
): Promise<Map<string, OwnerFigures>> {
  const start = toDbDate(period.start);
  const end = toDbDate(period.end);
  const firstMonth = toDbDate(monthStart(period.start));
  const lastMonth = toDbDate(monthStart(period.end));
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const dueUntil = toDbDate(period.end < today ? period.end : today);
  const todayDb = toDbDate(today);
  const s = (alias: string) => kpiScopeSql(scope, alias);
  const months = monthShares(period);

  const [ledger, visits, newAccounts, deals, followUps, accounts, targets] = await Promise.all([
    db.$queryRaw<{ ownerId: string; revenue: Num; collections: Num }[]>`
      SELECT r."ownerId", SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerOwnerMonthRollup" r
      WHERE ${s("r")} AND r.month BETWEEN ${firstMonth} AND ${lastMonth}
      GROUP BY r."ownerId"`,
    db.$queryRaw<{ ownerId: string; visits: Num; withOutcome: Num; advanced: Num; cost: Num }[]>`
      SELECT r."ownerId", SUM(r.visits) AS visits, SUM(r."withOutcome") AS "withOutcome",
             SUM(r.advanced) AS advanced, SUM(r.cost) AS cost
      FROM "VisitDayRollup" r
      WHERE ${s("r")} AND r.day BETWEEN ${start} AND ${end}
      GROUP BY r."ownerId"`,
    db.$queryRaw<{ ownerId: string; count: Num }[]>`
      SELECT a."ownerId", COUNT(DISTINCT a.id) AS count
      FROM "LifecycleChange" lc JOIN "Account" a ON a.id = lc."accountId"
      WHERE lc."to" = 'CUSTOMER' AND lc."createdAt" >= ${from} AND lc."createdAt" < ${until}
        AND a."deletedAt" IS NULL AND ${s("a")}
      GROUP BY a."ownerId"`,
    db.$queryRaw<{ ownerId: string; won: Num; closed: Num }[]>`
      SELECT d."ownerId", COUNT(*) FILTER (WHERE d.status = 'WON') AS won, COUNT(*) AS closed
      FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d.status <> 'OPEN' AND d."closedAt" >= ${from} AND d."closedAt" < ${until}
        AND ${s("d")}
      GROUP BY d."ownerId"`,
    db.$queryRaw<{ ownerId: string; due: Num; onTime: Num }[]>`
      SELECT f."ownerId", COUNT(*) AS due,
             COUNT(*) FILTER (WHERE f."completedAt" IS NOT NULL
                              AND (f."completedAt" + interval '8 hours')::date <= f."dueOn") AS "onTime"
      FROM "FollowUp" f
      WHERE f."deletedAt" IS NULL AND f."dueOn" BETWEEN ${start} AND ${dueUntil} AND ${s("f")}
      GROUP BY f."ownerId"`,
    db.$queryRaw<{ ownerId: string; accounts: Num; overdue: Num }[]>`
      SELECT a."ownerId", COUNT(*) AS accounts, COUNT(*) FILTER (WHERE a."contactDueOn" < ${todayDb}) AS overdue
      FROM "Account" a
      WHERE a."deletedAt" IS NULL AND ${s("a")}
      GROUP BY a."ownerId"`,
    db.$queryRaw<
      { userId: string; metric: keyof OwnerFigures["targets"]; year: number; month: number; value: Num }[]
    >`
      SELECT t."userId", t.metric, t.year, t.month, t.value
      FROM "SalesTarget" t JOIN "User" u ON u.id = t."userId"
      WHERE t."deletedAt" IS NULL AND t."userId" IS NOT NULL
        AND ${scope.kind === "person" ? Prisma.sql`t."userId" = ${scope.userId}` : scope.kind === "team" ? Prisma.sql`u."teamId" = ANY(${scope.teamIds}::text[])` : Prisma.sql`TRUE`}
        AND (t.year, t.month) IN (${Prisma.join(months.map((m) => Prisma.sql`(${m.year}, ${m.month})`))})`,
  ]);

  const out = new Map<string, OwnerFigures>();
  const row = (id: string) => out.get(id) ?? out.set(id, emptyOwnerFigures(id)).get(id)!;
  for (const r of ledger)
    Object.assign(row(r.ownerId), { revenue: n(r.revenue), collections: n(r.collections) });
  for (const r of visits) {
    Object.assign(row(r.ownerId), {
      visits: n(r.visits),
      visitsWithOutcome: n(r.withOutcome),
      visitsAdvanced: n(r.advanced),
      visitCost: n(r.cost),
    });
  }
  for (const r of newAccounts) row(r.ownerId).newAccounts = n(r.count);
  for (const r of deals) Object.assign(row(r.ownerId), { dealsWon: n(r.won), dealsClosed: n(r.closed) });
  for (const r of followUps)
    Object.assign(row(r.ownerId), { followUpsDue: n(r.due), followUpsOnTime: n(r.onTime) });
  for (const r of accounts)
    Object.assign(row(r.ownerId), { accounts: n(r.accounts), accountsOverdue: n(r.overdue) });
  const share = new Map(months.map((m) => [`${m.year}-${m.month}`, m.share]));
  for (const t of targets) {
    const f = row(t.userId);
    f.targets[t.metric] = (f.targets[t.metric] ?? 0) + n(t.value) * (share.get(`${t.year}-${t.month}`) ?? 0);
  }
  if (scope.kind === "person") {
    const only = row(scope.userId);
    return new Map([[scope.userId, only]]);
  }
  return out;
}
