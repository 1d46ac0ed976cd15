import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "../audit";

// 渠道经理负责区域 (administration): which channel managers cover which territories. A channel
// manager sees the distributors whose home territory lies in (or below) one of theirs.

export async function listChannelAssignments(viewer: Viewer) {
  assertCapability(viewer, "admin.channels");
  const [managers, assignments] = await Promise.all([
    db.user.findMany({
      where: { role: "CHANNEL_MANAGER", active: true },
      select: { id: true, name: true, team: { select: { name: true, nameZh: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.channelTerritoryAssignment.findMany({
      where: { territory: { deletedAt: null } },
      select: {
        id: true,
        userId: true,
        territory: { select: { id: true, code: true, name: true, nameEn: true } },
      },
      orderBy: { territory: { code: "asc" } },
    }),
  ]);
  return managers.map((m) => ({ ...m, assignments: assignments.filter((a) => a.userId === m.id) }));
}

export async function assignChannelTerritory(viewer: Viewer, input: { userId: string; territoryId: string }) {
  assertCapability(viewer, "admin.channels");
  return mutate(viewer, async ({ tx, audit }) => {
    const [user, territory] = await Promise.all([
      tx.user.findFirst({
        where: { id: input.userId, role: "CHANNEL_MANAGER", active: true },
        select: { id: true },
      }),
      tx.territory.findFirst({ where: { id: input.territoryId, deletedAt: null }, select: { id: true } }),
    ]);
    if (!user) throw new AppError("VALIDATION", undefined, { userId: ["validation.invalid"] });
    if (!territory) throw new AppError("VALIDATION", undefined, { territoryId: ["validation.invalid"] });
    const existing = await tx.channelTerritoryAssignment.findUnique({
      where: { userId_territoryId: input },
      select: { id: true },
    });
    if (existing)
      throw new AppError("VALIDATION", undefined, { territoryId: ["distributors.assignments.already"] });
    const a = await tx.channelTerritoryAssignment.create({ data: { ...input, createdById: viewer.id } });
    await audit({
      action: "channelAssignment.create",
      entity: "ChannelTerritoryAssignment",
      entityId: a.id,
      after: a,
    });
    return { id: a.id };
  });
}

/** Removing an assignment is a hard delete: the audit row keeps what it was (no version to edit). */
export async function removeChannelAssignment(viewer: Viewer, input: { id: string }) {
  assertCapability(viewer, "admin.channels");
  await mutate(viewer, async ({ tx, audit }) => {
    const a = await tx.channelTerritoryAssignment.findUnique({ where: { id: input.id } });
    if (!a) throw notFound("assignment");
    await tx.channelTerritoryAssignment.delete({ where: { id: a.id } });
    await audit({
      action: "channelAssignment.delete",
      entity: "ChannelTerritoryAssignment",
      entityId: a.id,
      before: a,
    });
  });
}
