import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";

// 丢单原因: the managed list of reasons a deal is lost (the admin's); a lost deal names one.

type Tx = Prisma.TransactionClient;

const lostReasonSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
} satisfies Prisma.LostReasonSelect;

export async function listLostReasons(opts: { deleted?: boolean } = {}) {
  return db.lostReason.findMany({
    where: { deletedAt: opts.deleted ? { not: null } : null },
    select: lostReasonSelect,
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

type LostReasonInput = { code: string; name: string; nameEn: string; sortOrder: number };

async function assertCodeFree(tx: Tx, code: string, id: string | null) {
  const clash = await tx.lostReason.findFirst({
    where: { code, ...(id ? { id: { not: id } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("VALIDATION", "code taken", { code: ["validation.codeTaken"] });
}

export async function createLostReason(viewer: Viewer, input: LostReasonInput) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    await assertCodeFree(tx, input.code, null);
    const row = await tx.lostReason.create({ data: input, select: lostReasonSelect });
    await audit({ action: "lostReason.create", entity: "LostReason", entityId: row.id, after: row });
    return row;
  });
}

export async function updateLostReason(
  viewer: Viewer,
  input: LostReasonInput & { id: string; version: number },
) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.lostReason.findFirst({
      where: { id: input.id, deletedAt: null },
      select: lostReasonSelect,
    });
    if (!before) throw notFound("lost reason");
    await assertCodeFree(tx, input.code, input.id);
    const { code, name, nameEn, sortOrder } = input;
    await updateVersioned(tx.lostReason, {
      where: { id: input.id },
      version: input.version,
      data: { code, name, nameEn, sortOrder },
    });
    const after = await tx.lostReason.findUniqueOrThrow({
      where: { id: input.id },
      select: lostReasonSelect,
    });
    await audit({ action: "lostReason.update", entity: "LostReason", entityId: input.id, before, after });
    return after;
  });
}

/** Soft-deletes (restore = false) or restores a lost reason; deals keep the reasons they were lost for. */
export async function setLostReasonDeleted(
  viewer: Viewer,
  input: { id: string; version: number },
  deleted: boolean,
) {
  assertCapability(viewer, "admin.pipeline");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.lostReason.findFirst({
      where: { id: input.id, deletedAt: deleted ? null : { not: null } },
      select: lostReasonSelect,
    });
    if (!before) throw notFound("lost reason");
    await updateVersioned(tx.lostReason, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: deleted ? new Date() : null },
    });
    const after = await tx.lostReason.findUniqueOrThrow({
      where: { id: input.id },
      select: lostReasonSelect,
    });
    await audit({
      action: deleted ? "lostReason.delete" : "lostReason.restore",
      entity: "LostReason",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}
