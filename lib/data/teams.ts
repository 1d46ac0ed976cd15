import "server-only";
import { db, Prisma } from "@/lib/db";
import { wouldCreateCycle, type Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "./audit";
import { updateVersioned } from "./versioning";

const teamSelect = {
  id: true,
  name: true,
  nameZh: true,
  managerId: true,
  manager: { select: { id: true, name: true } },
  parentId: true,
  parent: { select: { id: true, name: true, nameZh: true } },
  version: true,
  deletedAt: true,
  _count: { select: { members: { where: { active: true } }, children: { where: { deletedAt: null } } } },
} satisfies Prisma.TeamSelect;

export type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export async function listTeams(viewer: Viewer, opts: { includeDeleted?: boolean } = {}): Promise<TeamRow[]> {
  assertCapability(viewer, "admin.teams");
  return db.team.findMany({
    where: opts.includeDeleted ? {} : { deletedAt: null },
    select: teamSelect,
    orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

/** Live teams as options for pickers (any signed-in person may see team names). */
export async function listTeamOptions() {
  return db.team.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameZh: true, parentId: true },
    orderBy: { name: "asc" },
  });
}

async function assertValidLinks(
  tx: Prisma.TransactionClient,
  teamId: string | null,
  input: { managerId: string | null; parentId: string | null },
) {
  if (input.parentId) {
    const teams = await tx.team.findMany({
      where: { deletedAt: null },
      select: { id: true, parentId: true },
    });
    if (!teams.some((t) => t.id === input.parentId)) {
      throw new AppError("VALIDATION", "unknown parent", { parentId: ["validation.invalidOption"] });
    }
    if (teamId && wouldCreateCycle(teamId, input.parentId, teams)) {
      throw new AppError("VALIDATION", "cycle", { parentId: ["validation.teamCycle"] });
    }
  }
  if (input.managerId) {
    const manager = await tx.user.findFirst({
      where: { id: input.managerId, active: true },
      select: { id: true },
    });
    if (!manager)
      throw new AppError("VALIDATION", "unknown manager", { managerId: ["validation.invalidOption"] });
  }
}

type TeamInput = { name: string; nameZh: string | null; managerId: string | null; parentId: string | null };

export async function createTeam(viewer: Viewer, input: TeamInput) {
  assertCapability(viewer, "admin.teams");
  return mutate(viewer, async ({ tx, audit }) => {
    await assertValidLinks(tx, null, input);
    const { name, nameZh, managerId, parentId } = input;
    const team = await tx.team.create({ data: { name, nameZh, managerId, parentId }, select: teamSelect });
    await audit({ action: "team.create", entity: "Team", entityId: team.id, after: team });
    return team;
  });
}

export async function updateTeam(viewer: Viewer, input: TeamInput & { id: string; version: number }) {
  assertCapability(viewer, "admin.teams");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.team.findFirst({ where: { id: input.id, deletedAt: null }, select: teamSelect });
    if (!before) throw notFound("team");
    await assertValidLinks(tx, input.id, input);
    const { id, version } = input;
    const data = {
      name: input.name,
      nameZh: input.nameZh,
      managerId: input.managerId,
      parentId: input.parentId,
    };
    await updateVersioned(tx.team, { where: { id }, version, data });
    const after = await tx.team.findUniqueOrThrow({ where: { id }, select: teamSelect });
    await audit({ action: "team.update", entity: "Team", entityId: id, before, after });
    return after;
  });
}

export async function deleteTeam(viewer: Viewer, input: { id: string; version: number }) {
  assertCapability(viewer, "admin.teams");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.team.findFirst({ where: { id: input.id, deletedAt: null }, select: teamSelect });
    if (!before) throw notFound("team");
    const records = await tx.account.count({ where: { teamId: input.id, deletedAt: null } });
    if (before._count.members > 0 || before._count.children > 0 || records > 0) {
      throw new AppError("VALIDATION", "team not empty", { _form: ["teams.notEmpty"] });
    }
    await updateVersioned(tx.team, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: new Date() },
    });
    const after = await tx.team.findUniqueOrThrow({ where: { id: input.id }, select: teamSelect });
    await audit({ action: "team.delete", entity: "Team", entityId: input.id, before, after });
    return after;
  });
}

export async function restoreTeam(viewer: Viewer, input: { id: string; version: number }) {
  assertCapability(viewer, "admin.teams");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.team.findFirst({
      where: { id: input.id, deletedAt: { not: null } },
      select: teamSelect,
    });
    if (!before) throw notFound("team");
    if (before.parentId) {
      const parent = await tx.team.findFirst({
        where: { id: before.parentId, deletedAt: null },
        select: { id: true },
      });
      if (!parent)
        throw new AppError("VALIDATION", "parent deleted", { _form: ["validation.parentTeamDeleted"] });
    }
    await updateVersioned(tx.team, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: null },
    });
    const after = await tx.team.findUniqueOrThrow({ where: { id: input.id }, select: teamSelect });
    await audit({ action: "team.restore", entity: "Team", entityId: input.id, before, after });
    return after;
  });
}
