import "server-only";
import { db, Prisma } from "@/lib/db";
import { TIERS } from "@/lib/domain/account-kinds";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { monthStart, type Period } from "@/lib/domain/kpi-period";
import { kpiScopeSql, type KpiScope } from "./scope";

type Num = number | bigint | null;
const n = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

export type LedgerFigures = {
  /** Revenue and collections per month of the period (fen), in order, months with nothing included. */
  months: { month: IsoDate; revenue: number; collections: number }[];
  /** Revenue by the account's tier now (A–C), with the number of accounts that bought. */
  tiers: { tier: string; revenue: number; accounts: number }[];
  /** Each buying account's revenue in the period (fen, > 0), for the 80/20 curve. */
  accountRevenue: number[];
  /** Revenue and collections by the team booked on the line (for the child-team breakdown). */
  byTeam: Map<string, { revenue: number; collections: number }>;
};

/**
 * Ledger figures from the trigger-kept rollups only (never the lines): the months a period touches (a
 * custom period counts its first and last month whole — the ledger is booked by month). Two
 * statements: the months, and one pass per account and booked team (with the account's tier)
 * from which tiers, the 80/20 curve and the team breakdown are all added up here.
 */
export async function ledgerFigures(scope: KpiScope, period: Period): Promise<LedgerFigures> {
  const s = kpiScopeSql(scope, "r");
  const range = Prisma.sql`r.month BETWEEN ${toDbDate(monthStart(period.start))} AND ${toDbDate(monthStart(period.end))}`;
  // A calendar year reads the per-account-year rollup (a twelfth of the rows); other periods the months.
  const wholeYear = period.start.endsWith("-01-01") && period.end === `${period.start.slice(0, 4)}-12-31`;
  const perAccountSource = Prisma.raw(wholeYear ? `"LedgerAccountYearRollup"` : `"LedgerMonthRollup"`);
  const perAccountRange = wholeYear ? Prisma.sql`r.year = ${Number(period.start.slice(0, 4))}` : range;
  const [months, teams, tiers] = await Promise.all([
    db.$queryRaw<{ month: Date; revenue: Num; collections: Num }[]>`
      SELECT r.month, SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerOwnerMonthRollup" r WHERE ${s} AND ${range} GROUP BY r.month`,
    db.$queryRaw<{ teamId: string; revenue: Num; collections: Num }[]>`
      SELECT r."teamId", SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerOwnerMonthRollup" r WHERE ${s} AND ${range} GROUP BY r."teamId"`,
    // Per account, then per tier in the database: three rows come back (each with its accounts'
    // revenues, largest first, for the 80/20 curve), not one row per account.
    db.$queryRaw<{ tier: string; revenue: Num; accounts: Num; revenues: Num[] | null }[]>`
      WITH acc AS (
        SELECT r."accountId", SUM(r.revenue) AS revenue FROM ${perAccountSource} r
        WHERE ${s} AND ${perAccountRange} GROUP BY r."accountId")
      SELECT a.tier::text AS tier, SUM(acc.revenue) AS revenue, COUNT(*) FILTER (WHERE acc.revenue > 0) AS accounts,
             array_agg(acc.revenue ORDER BY acc.revenue DESC) FILTER (WHERE acc.revenue > 0) AS revenues
      FROM acc JOIN "Account" a ON a.id = acc."accountId"
      GROUP BY a.tier`,
  ]);
  const byMonth = new Map(months.map((m) => [fromDbDate(m.month), m]));
  const monthRows: LedgerFigures["months"] = [];
  for (let m = monthStart(period.start); m <= period.end; m = nextMonth(m)) {
    const row = byMonth.get(m);
    monthRows.push({ month: m, revenue: n(row?.revenue), collections: n(row?.collections) });
  }
  const byTier = new Map(tiers.map((t) => [t.tier, t]));
  return {
    months: monthRows,
    tiers: TIERS.map((tier) => ({
      tier,
      revenue: n(byTier.get(tier)?.revenue),
      accounts: n(byTier.get(tier)?.accounts),
    })),
    accountRevenue: tiers.flatMap((t) => (t.revenues ?? []).map((v) => n(v))),
    byTeam: new Map(teams.map((t) => [t.teamId, { revenue: n(t.revenue), collections: n(t.collections) }])),
  };
}

function nextMonth(month: IsoDate): IsoDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}
