import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { recentMonths } from "@/lib/domain/channel-inventory";
import { distributorInventory, type InventoryRow } from "./inventory";

// The sales section of a distributor's page: sell-in and sell-out of the last 12 months (this
// month included) and the channel inventory by product, all from the monthly rollups.

export type SalesMonth = {
  month: string;
  sellInAmount: bigint;
  sellOutAmount: bigint;
  sellInQty: bigint;
  sellOutQty: bigint;
};

export type SalesSection = {
  months: SalesMonth[];
  totals: { sellInAmount: bigint; sellOutAmount: bigint };
  inventory: InventoryRow[];
  healthyMonths: number;
};

export async function loadSalesSection(
  viewer: Viewer,
  distributorId: string,
  now = new Date(),
): Promise<SalesSection> {
  const today = chinaDate(now);
  const months = [...recentMonths(today, 11), `${today.slice(0, 7)}-01`];
  // distributorInventory checks the viewer may see the distributor (NOT_FOUND otherwise), and
  // this month rollup is only handed over once it has.
  const [{ rows: inventory, healthyMonths }, grouped] = await Promise.all([
    distributorInventory(viewer, distributorId, now),
    db.channelMonthRollup.groupBy({
      by: ["month"],
      where: { distributorId, month: { gte: toDbDate(months[0]!) } },
      _sum: { sellInAmount: true, sellOutAmount: true, sellInQty: true, sellOutQty: true },
    }),
  ]);
  const byMonth = new Map(grouped.map((g) => [fromDbDate(g.month), g._sum]));
  const rows = months.map((month) => {
    const s = byMonth.get(month);
    return {
      month: month.slice(0, 7),
      sellInAmount: s?.sellInAmount ?? 0n,
      sellOutAmount: s?.sellOutAmount ?? 0n,
      sellInQty: s?.sellInQty ?? 0n,
      sellOutQty: s?.sellOutQty ?? 0n,
    };
  });
  return {
    months: rows,
    totals: {
      sellInAmount: rows.reduce((a, r) => a + r.sellInAmount, 0n),
      sellOutAmount: rows.reduce((a, r) => a + r.sellOutAmount, 0n),
    },
    inventory,
    healthyMonths,
  };
}
