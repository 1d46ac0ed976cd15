import "server-only";
import { db, Prisma } from "@/lib/db";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { monthStart, type Period } from "@/lib/domain/kpi-period";
import { TIERS } from "@/lib/domain/account-kinds";
import { kpiScopeSql, type KpiScope } from "./scope";

type Num = number | bigint | null;
const n = (v: Num) => (v === null ? 0 : Number(v));

export type LedgerFigures = {
  /** Revenue and collections per month of the period (fen), in order, months with nothing included. */
  months: { month: IsoDate; revenue: number; collections: number }[];
  /** Revenue by the account's tier now (A–D), with the number of accounts that bought. */
  tiers: { tier: string; revenue: number; accounts: number }[];
  /** Each buying account's revenue in the period (fen), for the 80/20 curve. */
  accountRevenue: number[];
  /** Revenue and collections by the team booked on the line (for the child-team breakdown). */
  byTeam: Map<string, { revenue: number; collections: number }>;
};

/**
 * Ledger figures from LedgerMonthRollup only (never the lines): the months a period touches (a
 * custom period counts its first and last month whole — the ledger is booked by month).
 */
export async function ledgerFigures(scope: KpiScope, period: Period): Promise<LedgerFigures> {
  const first = toDbDate(monthStart(period.start));
  const last = toDbDate(monthStart(period.end));
  const s = kpiScopeSql(scope, "r");
  const range = Prisma.sql`r.month BETWEEN ${first} AND ${last}`;
  const [months, tiers, accounts, teams] = await Promise.all([
    db.$queryRaw<{ month: Date; revenue: Num; collections: Num }[]>`
      SELECT r.month, SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerMonthRollup" r WHERE ${s} AND ${range} GROUP BY r.month`,
    db.$queryRaw<{ tier: string; revenue: Num; accounts: Num }[]>`
      SELECT a.tier::text AS tier, SUM(x.revenue) AS revenue, COUNT(*) FILTER (WHERE x.revenue > 0) AS accounts
      FROM (SELECT r."accountId", SUM(r.revenue) AS revenue FROM "LedgerMonthRollup" r
            WHERE ${s} AND ${range} GROUP BY r."accountId") x
      JOIN "Account" a ON a.id = x."accountId"
      GROUP BY a.tier`,
    db.$queryRaw<{ revenue: Num }[]>`
      SELECT SUM(r.revenue) AS revenue FROM "LedgerMonthRollup" r
      WHERE ${s} AND ${range} GROUP BY r."accountId" HAVING SUM(r.revenue) > 0`,
    db.$queryRaw<{ teamId: string; revenue: Num; collections: Num }[]>`
      SELECT r."teamId", SUM(r.revenue) AS revenue, SUM(r.collections) AS collections
      FROM "LedgerMonthRollup" r WHERE ${s} AND ${range} GROUP BY r."teamId"`,
  ]);
  const byMonth = new Map(months.map((m) => [fromDbDate(m.month), m]));
  const out: LedgerFigures["months"] = [];
  for (let m = monthStart(period.start); m <= period.end; m = nextMonth(m)) {
    const row = byMonth.get(m);
    out.push({ month: m, revenue: n(row?.revenue ?? 0), collections: n(row?.collections ?? 0) });
  }
  const byTier = new Map(tiers.map((t) => [t.tier, t]));
  return {
    months: out,
    tiers: TIERS.map((tier) => ({
      tier,
      revenue: n(byTier.get(tier)?.revenue ?? 0),
      accounts: n(byTier.get(tier)?.accounts ?? 0),
    })),
    accountRevenue: accounts.map((a) => n(a.revenue)),
    byTeam: new Map(teams.map((t) => [t.teamId, { revenue: n(t.revenue), collections: n(t.collections) }])),
  };
}

function nextMonth(month: IsoDate): IsoDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}
