import "server-only";
import type { DistributorStage, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuditEntry } from "../audit";

type Tx = Prisma.TransactionClient;

/**
 * Moves a distributor to `toStage` inside the caller's transaction (the board, signing an
 * agreement, a conflict's termination outcome): records the stage change, and keeps the coverage
 * rows' `active` flag equal to "signed", which the partial unique index turns into "one active
 * exclusive distributor per territory". A clash answers VALIDATION on `territories` naming the
 * territory. Returns the audit entry for the caller's mutate().
 */
export async function changeDistributorStage(
  tx: Tx,
  actorId: string | null,
  args: { distributorId: string; toStage: DistributorStage; note?: string | null },
): Promise<AuditEntry> {
  const before = await tx.distributor.findUniqueOrThrow({
    where: { id: args.distributorId },
    select: { id: true, stage: true, version: true },
  });
  if (before.stage === args.toStage) {
    return { action: "distributor.stage", entity: "Distributor", entityId: before.id, before, after: before };
  }
  await tx.distributor.update({
    where: { id: before.id },
    data: {
      stage: args.toStage,
      stageChangedAt: new Date(),
      stageNote: args.note ?? null,
      version: { increment: 1 },
    },
  });
  await tx.distributorStageChange.create({
    data: {
      distributorId: before.id,
      fromStage: before.stage,
      toStage: args.toStage,
      actorId,
      note: args.note ?? null,
    },
  });
  const active = args.toStage === "SIGNED";
  if (active) await assertExclusivityFree(tx, before.id);
  await tx.distributorTerritory.updateMany({
    where: { distributorId: before.id, deletedAt: null },
    data: { active },
  });
  return {
    action: "distributor.stage",
    entity: "Distributor",
    entityId: before.id,
    before: { stage: before.stage },
    after: { stage: args.toStage, note: args.note ?? null },
  };
}

/** Refuses signing a distributor whose exclusive territory already has an active exclusive distributor. */
async function assertExclusivityFree(tx: Tx, distributorId: string): Promise<void> {
  const mine = await tx.distributorTerritory.findMany({
    where: { distributorId, deletedAt: null, exclusive: true },
    select: { territoryId: true },
  });
  if (!mine.length) return;
  const taken = await tx.distributorTerritory.findFirst({
    where: {
      territoryId: { in: mine.map((m) => m.territoryId) },
      distributorId: { not: distributorId },
      exclusive: true,
      active: true,
      deletedAt: null,
    },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("VALIDATION", "exclusive territory taken", {
      territories: ["validation.exclusiveTerritoryTaken"],
    });
  }
}
