import "server-only";
import { db } from "@/lib/db";
import { addDays, chinaDayStart, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { monthStart, type Period } from "@/lib/domain/kpi-period";
import { kpiScopeSql, type KpiScope } from "./scope";

type Num = number | bigint | null;
const n = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** The figures a period is compared on (环比, 同比), for the whole scope at once. Money in fen. */
export type PeriodTotals = {
  revenue: number;
  collections: number;
  visits: number;
  visitsWithOutcome: number;
  visitsAdvanced: number;
  visitCost: number;
  newAccounts: number;
  dealsWon: number;
  dealsClosed: number;
  /** Won deals' mean days from creation to close (China days), null with none won. */
  avgCycleDays: number | null;
  followUpsDue: number;
  followUpsOnTime: number;
};

/**
 * A scope's totals over an earlier period, for comparisons: the same sources and conditions as
 * figuresByOwner and dealFigures, but one row per statement (no per-person grouping) and nothing
 * that is "now" (accounts, open deals, targets), so the previous period and last year cost five
 * small aggregates each.
 */
export async function periodTotals(scope: KpiScope, period: Period, today: IsoDate): Promise<PeriodTotals> {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const dueUntil = toDbDate(period.end < today ? period.end : today);
  const s = (alias: string) => kpiScopeSql(scope, alias);
  const [ledger, visits, accounts, deals, followUps] = await Promise.all([
    db.$queryRaw<{ revenue: Num; collections: Num }[]>`
      SELECT SUM(r.revenue) AS revenue, SUM(r.collections) AS collections FROM "LedgerOwnerMonthRollup" r
      WHERE ${s("r")} AND r.month BETWEEN ${toDbDate(monthStart(period.start))} AND ${toDbDate(monthStart(period.end))}`,
    db.$queryRaw<{ visits: Num; withOutcome: Num; advanced: Num; cost: Num }[]>`
      SELECT SUM(r.visits) AS visits, SUM(r."withOutcome") AS "withOutcome", SUM(r.advanced) AS advanced,
             SUM(r.cost) AS cost
      FROM "VisitDayRollup" r
      WHERE ${s("r")} AND r.day BETWEEN ${toDbDate(period.start)} AND ${toDbDate(period.end)}`,
    db.$queryRaw<{ count: Num }[]>`
      SELECT COUNT(DISTINCT a.id) AS count
      FROM "LifecycleChange" lc JOIN "Account" a ON a.id = lc."accountId"
      WHERE lc."to" = 'CUSTOMER' AND lc."createdAt" >= ${from} AND lc."createdAt" < ${until}
        AND a."deletedAt" IS NULL AND ${s("a")}`,
    db.$queryRaw<{ won: Num; closed: Num; cycle: Num }[]>`
      SELECT COUNT(*) FILTER (WHERE d.status = 'WON') AS won, COUNT(*) AS closed,
             AVG(((d."closedAt" + interval '8 hours')::date - (d."createdAt" + interval '8 hours')::date))
               FILTER (WHERE d.status = 'WON') AS cycle
      FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d.status <> 'OPEN' AND d."closedAt" >= ${from} AND d."closedAt" < ${until}
        AND ${s("d")}`,
    db.$queryRaw<{ due: Num; onTime: Num }[]>`
      SELECT COUNT(*) AS due,
             COUNT(*) FILTER (WHERE f."completedAt" IS NOT NULL
                              AND (f."completedAt" + interval '8 hours')::date <= f."dueOn") AS "onTime"
      FROM "FollowUp" f
      WHERE f."deletedAt" IS NULL AND f."dueOn" BETWEEN ${toDbDate(period.start)} AND ${dueUntil} AND ${s("f")}`,
  ]);
  const d = deals[0];
  return {
    revenue: n(ledger[0]?.revenue),
    collections: n(ledger[0]?.collections),
    visits: n(visits[0]?.visits),
    visitsWithOutcome: n(visits[0]?.withOutcome),
    visitsAdvanced: n(visits[0]?.advanced),
    visitCost: n(visits[0]?.cost),
    newAccounts: n(accounts[0]?.count),
    dealsWon: n(d?.won),
    dealsClosed: n(d?.closed),
    avgCycleDays: d?.cycle === null || d?.cycle === undefined ? null : Number(d.cycle),
    followUpsDue: n(followUps[0]?.due),
    followUpsOnTime: n(followUps[0]?.onTime),
  };
}
