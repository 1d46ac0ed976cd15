import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "./audit";
import { updateVersioned } from "./versioning";

// The key-account capability grows this into the full customer profile (客户档案). The foundation
// keeps ownership, scope, versioning and soft delete, which every later record follows.

const accountSelect = {
  id: true,
  name: true,
  ownerId: true,
  teamId: true,
  territoryId: true,
  version: true,
  deletedAt: true,
  createdAt: true,
} satisfies Prisma.AccountSelect;

export type AccountRow = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;

/** Accounts the viewer may see. Deleted ones only on request (for restore). */
export async function listAccounts(
  viewer: Viewer,
  opts: { deleted?: boolean; take?: number } = {},
): Promise<AccountRow[]> {
  return db.account.findMany({
    where: { ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
    select: accountSelect,
    orderBy: { name: "asc" },
    take: opts.take ?? 100,
  });
}

export async function countAccounts(viewer: Viewer, opts: { ownedOnly?: boolean } = {}): Promise<number> {
  return db.account.count({
    where: { ...scopeWhere(viewer), ...(opts.ownedOnly ? { ownerId: viewer.id } : {}), deletedAt: null },
  });
}

/** One account, or NOT_FOUND when it is outside the viewer's scope (never a hint that it exists). */
export async function getAccount(
  viewer: Viewer,
  id: string,
  opts: { deleted?: boolean } = {},
): Promise<AccountRow> {
  const row = await db.account.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
    select: accountSelect,
  });
  if (!row) throw notFound("account");
  return row;
}

async function loadForChange(tx: Prisma.TransactionClient, viewer: Viewer, id: string, deleted = false) {
  const row = await tx.account.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: deleted ? { not: null } : null },
    select: accountSelect,
  });
  if (!row) throw notFound("account");
  return row;
}

export async function createAccount(viewer: Viewer, input: { name: string; territoryId?: string | null }) {
  assertCapability(viewer, "records.create");
  if (!viewer.teamId) throw new AppError("FORBIDDEN", "a record owner needs a team");
  const teamId = viewer.teamId;
  return mutate(viewer, async ({ tx, audit }) => {
    const row = await tx.account.create({
      data: { name: input.name, ownerId: viewer.id, teamId, territoryId: input.territoryId ?? null },
      select: accountSelect,
    });
    await audit({ action: "account.create", entity: "Account", entityId: row.id, after: row });
    return row;
  });
}

export async function renameAccount(viewer: Viewer, input: { id: string; version: number; name: string }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "edit", before);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { name: input.name },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.update", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

export async function deleteAccount(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "delete", before);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.delete", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreAccount(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id, true);
    assertRecord(viewer, "restore", before);
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.restore", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}

/** Hands an account to another active person in the viewer's scope; the account joins their team. */
export async function reassignAccount(
  viewer: Viewer,
  input: { id: string; version: number; ownerId: string },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await loadForChange(tx, viewer, input.id);
    assertRecord(viewer, "reassign", before);
    const owner = await tx.user.findFirst({
      where: { id: input.ownerId, active: true },
      select: { id: true, teamId: true },
    });
    const ownerVisible =
      owner?.teamId && (viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(owner.teamId));
    if (!owner?.teamId || !ownerVisible) {
      throw new AppError("VALIDATION", "owner outside scope", { ownerId: ["validation.invalidOption"] });
    }
    await updateVersioned(tx.account, {
      where: { id: input.id },
      version: input.version,
      data: { ownerId: owner.id, teamId: owner.teamId },
    });
    const after = await tx.account.findUniqueOrThrow({ where: { id: input.id }, select: accountSelect });
    await audit({ action: "account.reassign", entity: "Account", entityId: input.id, before, after });
    return after;
  });
}
