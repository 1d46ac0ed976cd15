// Channel inventory (渠道库存): sell-in − sell-out per product, months of stock at the recent pace,
// and whether it is over the healthy months (ChannelSettings.healthyStockMonths).
import type { IsoDate } from "./calendar";

export type ProductFlow = { productId: string; sellInQty: bigint; sellOutQty: bigint };

export type InventoryLine = {
  productId: string;
  sellInQty: bigint;
  sellOutQty: bigint;
  /** sell-in − sell-out: what the distributor holds (negative: the reports do not add up). */
  stock: bigint;
};

/** Inventory per product: the flows summed per product (any order, months or batches mixed). */
export function inventoryByProduct(flows: readonly ProductFlow[]): InventoryLine[] {
  const by = new Map<string, InventoryLine>();
  for (const f of flows) {
    const line = by.get(f.productId) ?? { productId: f.productId, sellInQty: 0n, sellOutQty: 0n, stock: 0n };
    line.sellInQty += f.sellInQty;
    line.sellOutQty += f.sellOutQty;
    line.stock = line.sellInQty - line.sellOutQty;
    by.set(f.productId, line);
  }
  return [...by.values()].sort((a, b) => a.productId.localeCompare(b.productId));
}

/**
 * Months of stock at the recent sell-out pace (the average of the given months' sell-out); null
 * when nothing sold in them (any stock is then unbounded, flagged by `stockOverHealthy`).
 */
export function stockMonths(stock: bigint, recentMonthlySellOut: readonly bigint[]): number | null {
  const months = recentMonthlySellOut.length;
  const sold = recentMonthlySellOut.reduce((a, b) => a + b, 0n);
  if (months === 0 || sold <= 0n) return null;
  return Math.round((Number(stock) * months * 10) / Number(sold)) / 10;
}

/**
 * Is the stock more than `healthyMonths` of sell-out at the recent pace? Exact (no rounding): stock
 * × months > healthy × sold. Stock with no recent sell-out is; no stock never is.
 */
export function stockOverHealthy(
  stock: bigint,
  recentMonthlySellOut: readonly bigint[],
  healthyMonths: number,
): boolean {
  if (stock <= 0n) return false;
  const sold = recentMonthlySellOut.reduce((a, b) => a + b, 0n);
  if (sold <= 0n) return true;
  return stock * BigInt(recentMonthlySellOut.length) > BigInt(healthyMonths) * sold;
}

/** The `count` whole months before `today`'s month, oldest first, as YYYY-MM-01. */
export function recentMonths(today: IsoDate, count: number): IsoDate[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;
  });
}
