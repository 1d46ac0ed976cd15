import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertCapability } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { toDbLocale, type AppLocale } from "@/lib/i18n/config";
import { AppError, notFound } from "@/lib/errors";
import { mutate } from "./audit";
import { updateVersioned } from "./versioning";
import { reassignOwnedRecords, countOwnedRecords } from "./ownership";

export const USER_PAGE_SIZE = 25;

const userSelect = {
  id: true,
  name: true,
  jobTitle: true,
  email: true,
  role: true,
  teamId: true,
  team: { select: { id: true, name: true, nameZh: true } },
  active: true,
  locale: true,
  version: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export async function listUsers(
  viewer: Viewer,
  query: { q?: string; role?: string; teamId?: string; status: "active" | "inactive" | "all"; page: number },
): Promise<{ rows: UserRow[]; total: number; page: number; pageSize: number }> {
  assertCapability(viewer, "admin.users");
  const where: Prisma.UserWhereInput = {
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(query.role ? { role: query.role as Viewer["role"] } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
    ...(query.status === "all" ? {} : { active: query.status === "active" }),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (query.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: USER_PAGE_SIZE };
}

export async function getUser(viewer: Viewer, id: string): Promise<UserRow> {
  assertCapability(viewer, "admin.users");
  const user = await db.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw notFound("user");
  return user;
}

/** Active people, for "hand records to" and "manager" pickers. */
export async function listActiveUserOptions(viewer: Viewer) {
  assertCapability(viewer, "admin.users");
  return db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, jobTitle: true, role: true, teamId: true },
    orderBy: { name: "asc" },
  });
}

async function assertEmailFree(tx: Tx, email: string, exceptId?: string) {
  const other = await tx.user.findFirst({
    where: { email, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw new AppError("VALIDATION", "email taken", { email: ["validation.emailTaken"] });
}

async function assertTeamExists(tx: Tx, teamId: string | null) {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, deletedAt: null }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION", "unknown team", { teamId: ["validation.invalidOption"] });
}

type UserInput = {
  name: string;
  /** Left out: unchanged on update, none on create. */
  jobTitle?: string | null;
  email: string;
  role: Viewer["role"];
  teamId: string | null;
  locale: AppLocale;
  password: string | null;
};

export async function createUser(viewer: Viewer, input: UserInput & { password: string }) {
  assertCapability(viewer, "admin.users");
  const passwordHash = await hashPassword(input.password);
  return mutate(viewer, async ({ tx, audit }) => {
    await assertEmailFree(tx, input.email);
    await assertTeamExists(tx, input.teamId);
    const user = await tx.user.create({
      data: {
        name: input.name,
        jobTitle: input.jobTitle,
        email: input.email,
        role: input.role,
        teamId: input.teamId,
        locale: toDbLocale(input.locale),
        passwordHash,
      },
      select: userSelect,
    });
    await audit({ action: "user.create", entity: "User", entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(viewer: Viewer, input: UserInput & { id: string; version: number }) {
  assertCapability(viewer, "admin.users");
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) throw notFound("user");
    await assertEmailFree(tx, input.email, input.id);
    await assertTeamExists(tx, input.teamId);
    // A changed role, team, email or password ends the person's current sessions at their next request.
    const sessionsEnd =
      before.role !== input.role ||
      before.teamId !== input.teamId ||
      before.email !== input.email ||
      passwordHash !== null;
    await updateVersioned(tx.user, {
      where: { id: input.id },
      version: input.version,
      data: {
        name: input.name,
        jobTitle: input.jobTitle,
        email: input.email,
        role: input.role,
        teamId: input.teamId,
        locale: toDbLocale(input.locale),
        ...(passwordHash ? { passwordHash } : {}),
        ...(sessionsEnd ? { tokenVersion: { increment: 1 } } : {}),
      },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
    await audit({
      action: "user.update",
      entity: "User",
      entityId: input.id,
      before,
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

export async function ownedRecordCount(viewer: Viewer, userId: string): Promise<number> {
  assertCapability(viewer, "admin.users");
  return countOwnedRecords(db, userId);
}

/**
 * Deactivates a person: their sessions end at once, and — if a colleague is named — every record
 * they own moves to that colleague (each move audited), so nothing is orphaned when someone leaves.
 */
export async function deactivateUser(
  viewer: Viewer,
  input: { id: string; version: number; reassignToId: string | null },
) {
  assertCapability(viewer, "admin.users");
  if (input.id === viewer.id) throw new AppError("FORBIDDEN", "cannot deactivate yourself");
  return mutate(viewer, async ({ tx, audit, auditMany }) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) throw notFound("user");
    let moved = 0;
    if (input.reassignToId) {
      if (input.reassignToId === input.id) {
        throw new AppError("VALIDATION", "same person", { reassignToId: ["validation.reassignSame"] });
      }
      const heir = await tx.user.findUnique({
        where: { id: input.reassignToId },
        select: { id: true, active: true, teamId: true },
      });
      if (!heir?.active)
        throw new AppError("VALIDATION", "inactive heir", { reassignToId: ["validation.reassignInactive"] });
      if (!heir.teamId)
        throw new AppError("VALIDATION", "heir without team", {
          reassignToId: ["validation.reassignNoTeam"],
        });
      moved = await reassignOwnedRecords(tx, auditMany, {
        fromUserId: input.id,
        to: { id: heir.id, teamId: heir.teamId },
      });
    }
    await updateVersioned(tx.user, {
      where: { id: input.id },
      version: input.version,
      data: { active: false, tokenVersion: { increment: 1 } },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
    await audit({
      action: "user.deactivate",
      entity: "User",
      entityId: input.id,
      before,
      after: { ...after, reassignedTo: input.reassignToId, recordsReassigned: moved },
    });
    return { user: after, moved };
  });
}

export async function reactivateUser(viewer: Viewer, input: { id: string; version: number }) {
  assertCapability(viewer, "admin.users");
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) throw notFound("user");
    await updateVersioned(tx.user, {
      where: { id: input.id },
      version: input.version,
      data: { active: true },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
    await audit({ action: "user.reactivate", entity: "User", entityId: input.id, before, after });
    return after;
  });
}

/** Saves the person's own language choice (no version check: it is theirs alone). */
export async function setOwnLocale(viewer: Viewer, locale: AppLocale) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { locale: true } });
    const after = await tx.user.update({
      where: { id: viewer.id },
      data: { locale: toDbLocale(locale) },
      select: { locale: true },
    });
    await audit({ action: "user.setLocale", entity: "User", entityId: viewer.id, before, after });
  });
}

/** Records a sign-out in the audit trail. */
