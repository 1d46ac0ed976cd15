import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { trendMonths } from "@/lib/domain/ledger";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

export type LedgerTrendPoint = { month: string; revenue: number; collections: number };

/**
 * An account's revenue and collections for the last 24 months (yuan, for the chart), read from
 * the monthly rollup: at most 24 rows however long its history. Months without lines are zero.
 */
export async function accountLedgerTrend(viewer: Viewer, accountId: string, today = chinaDate(new Date())) {
  const account = await db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer) },
    select: { id: true },
  });
  if (!account) throw notFound("account");
  const months = trendMonths(today, 24);
  const rows = await db.$queryRaw<{ month: Date; revenue: bigint; collections: bigint }[]>`
    SELECT month, SUM(revenue)::bigint AS revenue, SUM(collections)::bigint AS collections
    FROM "LedgerMonthRollup"
    WHERE "accountId" = ${account.id} AND month >= ${toDbDate(months[0]!)}::date AND month <= ${toDbDate(months.at(-1)!)}::date
    GROUP BY month`;
  const byMonth = new Map(rows.map((r) => [fromDbDate(r.month), r]));
  const points: LedgerTrendPoint[] = months.map((m) => {
    const r = byMonth.get(m);
    return {
      month: m.slice(0, 7),
      revenue: r ? Number(r.revenue) / 100 : 0,
      collections: r ? Number(r.collections) / 100 : 0,
    };
  });
  return points;
}
