import "server-only";
import { db } from "@/lib/db";
import { computeAndStoreHealth } from "./health-sql";

export type RecomputeResult = { accounts: number; snapshots: number; batches: number; ms: number };

/**
 * Recomputes every live account's health in keyset batches (ordered by id), each batch its own
 * short transaction: no lock is held for longer than one batch, and a failure loses one batch, not
 * the run. Time passing moves the recency and renewal factors, hence the nightly run.
 */
export async function recomputeHealthBatch({
  batchSize = 500,
  now = new Date(),
  onBatch,
}: {
  batchSize?: number;
  now?: Date;
  onBatch?: (progress: { batch: number; accounts: number; snapshots: number; ms: number }) => void;
} = {}): Promise<RecomputeResult> {
  const started = performance.now();
  const size = Math.max(1, Math.min(5_000, Math.floor(batchSize)));
  let after = "";
  let accounts = 0;
  let snapshots = 0;
  let batches = 0;
  for (;;) {
    const rows = await db.account.findMany({
      where: { deletedAt: null, id: { gt: after } },
      orderBy: { id: "asc" },
      select: { id: true },
      take: size,
    });
    if (!rows.length) break;
    const batchStarted = performance.now();
    const ids = rows.map((r) => r.id);
    const written = await db.$transaction((tx) => computeAndStoreHealth(ids, now, tx), { timeout: 30_000 });
    batches++;
    accounts += ids.length;
    snapshots += written;
    after = ids[ids.length - 1]!;
    onBatch?.({
      batch: batches,
      accounts: ids.length,
      snapshots: written,
      ms: performance.now() - batchStarted,
    });
    if (rows.length < size) break;
  }
  return { accounts, snapshots, batches, ms: Math.round(performance.now() - started) };
}
