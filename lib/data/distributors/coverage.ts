import "server-only";
import type { Tx } from "@/lib/db";
import { exclusivityClashes } from "@/lib/domain/distributors";
import { AppError } from "@/lib/errors";

// The territories a distributor covers (覆盖区域), exclusive or not. Rows are kept (soft-deleted,
// then revived) rather than removed, so history and the partial unique index stay simple: a row is
// `active` exactly while its distributor is SIGNED.

export type CoverageInput = { territoryId: string; exclusive: boolean }[];

const taken = () =>
  new AppError("VALIDATION", "exclusive territory taken", {
    territories: ["validation.exclusiveTerritoryTaken"],
  });

/**
 * Makes the distributor's live coverage exactly `wanted`. For a signed distributor the rows are
 * active, so an exclusive territory another signed distributor holds exclusively is refused here
 * (with the domain rule) and, in a race, by the database's partial unique index (mapped to the
 * same message by database-errors.ts). Returns the coverage before and after for the audit row.
 */
export async function replaceCoverage(
  tx: Tx,
  distributor: { id: string; stage: string },
  wanted: CoverageInput,
): Promise<{ before: CoverageInput; after: CoverageInput }> {
  const active = distributor.stage === "SIGNED";
  const rows = await tx.distributorTerritory.findMany({
    where: { distributorId: distributor.id },
    select: { id: true, territoryId: true, exclusive: true, deletedAt: true },
  });
  const before = rows
    .filter((r) => !r.deletedAt)
    .map((r) => ({ territoryId: r.territoryId, exclusive: r.exclusive }));
  if (active) {
    const others = await tx.distributorTerritory.findMany({
      where: {
        territoryId: { in: wanted.filter((w) => w.exclusive).map((w) => w.territoryId) },
        distributorId: { not: distributor.id },
        exclusive: true,
        active: true,
        deletedAt: null,
      },
      select: { distributorId: true, territoryId: true, exclusive: true, active: true },
    });
    if (exclusivityClashes(distributor.id, wanted, others).length) throw taken();
  }
  const now = new Date();
  const keep = new Set(wanted.map((w) => w.territoryId));
  // Removed first: a territory given up frees its exclusivity before another row claims one.
  const gone = rows.filter((r) => !r.deletedAt && !keep.has(r.territoryId)).map((r) => r.id);
  if (gone.length)
    await tx.distributorTerritory.updateMany({
      where: { id: { in: gone } },
      data: { deletedAt: now, active: false },
    });
  for (const w of wanted) {
    const row = rows.find((r) => r.territoryId === w.territoryId);
    if (!row) {
      await tx.distributorTerritory.create({
        data: { distributorId: distributor.id, territoryId: w.territoryId, exclusive: w.exclusive, active },
      });
    } else if (row.deletedAt || row.exclusive !== w.exclusive) {
      await tx.distributorTerritory.update({
        where: { id: row.id },
        data: { exclusive: w.exclusive, active, deletedAt: null },
      });
    }
  }
  return { before, after: wanted };
}
