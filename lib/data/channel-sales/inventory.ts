import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import { recentMonths, stockMonths, stockOverHealthy } from "@/lib/domain/channel-inventory";
import { distributorScopeSql, readBesideCheck } from "../distributors/scope";

// 渠道库存 = sell-in − sell-out per product, read from ChannelMonthRollup (never the lines). The
// pace is the last three whole months' sell-out; over ChannelSettings.healthyStockMonths of it is
// flagged.

const PACE_MONTHS = 3;

export type InventoryRow = {
  distributorId: string;
  distributorName: string;
  productId: string;
  productName: string;
  unit: string;
  sellInQty: bigint;
  sellOutQty: bigint;
  stock: bigint;
  /** Months of stock at the recent pace; null when nothing sold lately. */
  months: number | null;
  overHealthy: boolean;
};

export async function healthyStockMonths(): Promise<number> {
  const settings = await db.channelSettings.findUnique({
    where: { id: "default" },
    select: { healthyStockMonths: true },
  });
  return settings?.healthyStockMonths ?? 3;
}

type RawRow = {
  distributorId: string;
  distributorName: string;
  productId: string;
  productName: string;
  unit: string;
  sellInQty: bigint;
  sellOutQty: bigint;
  recentOut: bigint;
  total: bigint;
};

async function inventoryRows(
  where: Prisma.Sql,
  healthy: number,
  opts: { overOnly?: boolean; limit?: number; offset?: number },
  now: Date,
) {
  const months = recentMonths(chinaDate(now), PACE_MONTHS);
  const from = toDbDate(months[0]!);
  const to = toDbDate(`${chinaDate(now).slice(0, 7)}-01`);
  const rows = await db.$queryRaw<RawRow[]>`
    WITH inv AS (
      SELECT r."distributorId", r."productId", sum(r."sellInQty")::bigint AS "sellInQty",
             sum(r."sellOutQty")::bigint AS "sellOutQty",
             sum(CASE WHEN r.month >= ${from} AND r.month < ${to} THEN r."sellOutQty" ELSE 0 END)::bigint AS "recentOut"
      FROM "ChannelMonthRollup" r JOIN "Distributor" d ON d.id = r."distributorId"
      WHERE d."deletedAt" IS NULL AND ${where}
      GROUP BY r."distributorId", r."productId")
    SELECT inv.*, d.name AS "distributorName", p.name AS "productName", p.unit, count(*) OVER ()::bigint AS total
    FROM inv JOIN "Distributor" d ON d.id = inv."distributorId" JOIN "Product" p ON p.id = inv."productId"
    WHERE ${
      opts.overOnly
        ? Prisma.sql`inv."sellInQty" - inv."sellOutQty" > 0 AND (inv."recentOut" <= 0
            OR (inv."sellInQty" - inv."sellOutQty") * ${PACE_MONTHS} > ${healthy} * inv."recentOut")`
        : Prisma.sql`TRUE`
    }
    ORDER BY d.name, p.code
    LIMIT ${opts.limit ?? 10_000} OFFSET ${opts.offset ?? 0}`;
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return {
    total,
    rows: rows.map((r): InventoryRow => {
      const stock = r.sellInQty - r.sellOutQty;
      // The pace as three equal months (only their sum matters to both measures).
      const pace = [r.recentOut, 0n, 0n];
      return {
        distributorId: r.distributorId,
        distributorName: r.distributorName,
        productId: r.productId,
        productName: r.productName,
        unit: r.unit,
        sellInQty: r.sellInQty,
        sellOutQty: r.sellOutQty,
        stock,
        months: stockMonths(stock, pace),
        overHealthy: stockOverHealthy(stock, pace, healthy),
      };
    }),
  };
}

/** One distributor's inventory by product (NOT_FOUND outside the viewer's scope). */
export async function distributorInventory(
  viewer: Viewer,
  distributorId: string,
  now = new Date(),
): Promise<{ healthyMonths: number; rows: InventoryRow[] }> {
  const [, inventory] = await readBesideCheck(viewer, distributorId, async () => {
    const healthy = await healthyStockMonths();
    const { rows } = await inventoryRows(Prisma.sql`d.id = ${distributorId}`, healthy, {}, now);
    return { healthyMonths: healthy, rows };
  });
  return inventory;
}

export const INVENTORY_PAGE_SIZE = 50;

/** Every visible distributor's inventory by product, paged; `overOnly` keeps the flagged rows. */
export async function inventoryOverview(
  viewer: Viewer,
  query: { page: number; overOnly: boolean },
  now = new Date(),
): Promise<{ healthyMonths: number; rows: InventoryRow[]; total: number; page: number; pageSize: number }> {
  const [healthy, scope] = await Promise.all([healthyStockMonths(), distributorScopeSql(viewer, "d")]);
  const { rows, total } = await inventoryRows(
    scope,
    healthy,
    { overOnly: query.overOnly, limit: INVENTORY_PAGE_SIZE, offset: (query.page - 1) * INVENTORY_PAGE_SIZE },
    now,
  );
  return { healthyMonths: healthy, rows, total, page: query.page, pageSize: INVENTORY_PAGE_SIZE };
}
