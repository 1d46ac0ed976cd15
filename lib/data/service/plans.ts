import "server-only";
import { db, type Tx } from "@/lib/db";
import { canDo, canSee, visibleTeamsFor, type Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { isOverdue, onTimeRate, onTimeWindowStart, type ServiceFrequency } from "@/lib/domain/service-plans";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { ServiceItemInput, UpdateServiceItemInput } from "@/lib/validation/health";
import { mutate } from "../audit";
import { updateVersioned } from "../versioning";
import { refreshAccountHealth } from "../health/refresh";

// 个性化服务计划: an account's agreed service items. Whoever may edit the account edits its plan;
// whoever may see the account reads it. Items are soft-deleted and restorable.

export type ServiceDeliveryView = {
  id: string;
  dueOn: IsoDate;
  deliveredOn: IsoDate;
  onTime: boolean;
  note: string | null;
  recordedBy: string;
};

export type ServiceItemView = {
  id: string;
  name: string;
  description: string | null;
  owner: { id: string; name: string };
  frequency: ServiceFrequency;
  nextDueOn: IsoDate;
  lastDeliveredOn: IsoDate | null;
  overdue: boolean;
  onTimeRate: number | null;
  deliveries: ServiceDeliveryView[];
  version: number;
  deleted: boolean;
};

export type ServicePlanView = {
  account: { id: string; name: string; tier: "A" | "B" | "C"; ownerId: string; teamId: string };
  canEdit: boolean;
  items: ServiceItemView[];
  deletedItems: ServiceItemView[];
  onTimeRate: number | null;
};

async function visibleAccount(viewer: Viewer, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer), deletedAt: null },
    select: { id: true, name: true, tier: true, ownerId: true, teamId: true },
  });
  if (!account) throw notFound("account");
  return account;
}

/** The account's plan as the viewer may see it (NOT_FOUND outside their scope). */
export async function getServicePlan(
  viewer: Viewer,
  accountId: string,
  now = new Date(),
): Promise<ServicePlanView> {
  const account = await visibleAccount(viewer, accountId);
  const today = chinaDate(now);
  const since = toDbDate(onTimeWindowStart(today));
  const items = await db.serviceItem.findMany({
    where: { accountId, plan: { deletedAt: null } },
    orderBy: [{ nextDueOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      frequency: true,
      nextDueOn: true,
      lastDeliveredOn: true,
      version: true,
      deletedAt: true,
      owner: { select: { id: true, name: true } },
      deliveries: {
        where: { deletedAt: null, deliveredOn: { gte: since } },
        orderBy: { deliveredOn: "desc" },
        select: { id: true, dueOn: true, deliveredOn: true, onTime: true, note: true, recordedById: true },
      },
    },
  });
  const recorderIds = [...new Set(items.flatMap((i) => i.deliveries.map((d) => d.recordedById)))];
  const recorders = new Map(
    (await db.user.findMany({ where: { id: { in: recorderIds } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );
  const views = items.map((i): ServiceItemView => ({
    id: i.id,
    name: i.name,
    description: i.description,
    owner: i.owner,
    frequency: i.frequency,
    nextDueOn: fromDbDate(i.nextDueOn),
    lastDeliveredOn: i.lastDeliveredOn ? fromDbDate(i.lastDeliveredOn) : null,
    overdue: isOverdue(fromDbDate(i.nextDueOn), today),
    onTimeRate: onTimeRate(i.deliveries),
    deliveries: i.deliveries.map((d) => ({
      id: d.id,
      dueOn: fromDbDate(d.dueOn),
      deliveredOn: fromDbDate(d.deliveredOn),
      onTime: d.onTime,
      note: d.note,
      recordedBy: recorders.get(d.recordedById) ?? "",
    })),
    version: i.version,
    deleted: i.deletedAt !== null,
  }));
  const live = views.filter((v) => !v.deleted);
  return {
    account,
    canEdit: canDo(viewer, "edit", account),
    items: live,
    deletedItems: views.filter((v) => v.deleted),
    onTimeRate: onTimeRate(live.flatMap((v) => v.deliveries)),
  };
}

/** The account, locked for a change to its plan, if the viewer may edit it. */
async function accountForChange(tx: Tx, viewer: Viewer, accountId: string) {
  const account = await tx.account.findFirst({
    where: { id: accountId, deletedAt: null },
    select: { id: true, ownerId: true, teamId: true },
  });
  assertRecord(viewer, "edit", account, "account");
  return account;
}

/** A service item's owner must be an active person who may see the account. */
async function assertOwnerMaySee(tx: Tx, ownerId: string, account: { ownerId: string; teamId: string }) {
  const person = await tx.user.findFirst({
    where: { id: ownerId, active: true },
    select: { id: true, role: true, teamId: true },
  });
  const teams = person ? await tx.team.findMany({ select: { id: true, parentId: true } }) : [];
  const visibleTeamIds = person ? visibleTeamsFor(person, teams) : [];
  if (!person || !canSee({ id: person.id, visibleTeamIds } as Viewer, account)) {
    throw new AppError("VALIDATION", "owner cannot see the account", { ownerId: ["service.ownerCannotSee"] });
  }
}

async function ensurePlan(tx: Tx, account: { id: string; teamId: string }) {
  const plan = await tx.servicePlan.findUnique({
    where: { accountId: account.id },
    select: { id: true, deletedAt: true },
  });
  if (plan && !plan.deletedAt) return plan.id;
  if (plan) {
    await tx.servicePlan.update({
      where: { id: plan.id },
      data: { deletedAt: null, version: { increment: 1 } },
    });
    return plan.id;
  }
  const created = await tx.servicePlan.create({ data: { accountId: account.id, teamId: account.teamId } });
  return created.id;
}

const itemSelect = {
  id: true,
  accountId: true,
  name: true,
  description: true,
  ownerId: true,
  frequency: true,
  nextDueOn: true,
  lastDeliveredOn: true,
  version: true,
  deletedAt: true,
} as const;

export async function createServiceItem(viewer: Viewer, input: ServiceItemInput) {
  const created = await mutate(viewer, async ({ tx, audit }) => {
    const account = await accountForChange(tx, viewer, input.accountId);
    await assertOwnerMaySee(tx, input.ownerId, account);
    const planId = await ensurePlan(tx, account);
    const after = await tx.serviceItem.create({
      data: {
        planId,
        accountId: account.id,
        teamId: account.teamId,
        name: input.name,
        description: input.description,
        ownerId: input.ownerId,
        frequency: input.frequency,
        nextDueOn: toDbDate(input.nextDueOn!),
      },
      select: itemSelect,
    });
    await audit({
      action: "serviceItem.create",
      entity: "ServiceItem",
      entityId: after.id,
      before: null,
      after,
    });
    return after;
  });
  await refreshAccountHealth([created.accountId]);
  return created;
}

/** The item and its account, for a change: NOT_FOUND outside scope, FORBIDDEN without edit rights. */
async function itemForChange(tx: Tx, viewer: Viewer, id: string, deleted = false) {
  const item = await tx.serviceItem.findFirst({
    where: { id, deletedAt: deleted ? { not: null } : null },
    select: itemSelect,
  });
  if (!item) throw notFound("service item");
  const account = await accountForChange(tx, viewer, item.accountId).catch((e: unknown) => {
    throw e instanceof AppError && e.code === "FORBIDDEN" ? e : notFound("service item");
  });
  return { item, account };
}

export async function updateServiceItem(viewer: Viewer, input: UpdateServiceItemInput) {
  const after = await mutate(viewer, async ({ tx, audit }) => {
    const { item: before, account } = await itemForChange(tx, viewer, input.id);
    if (input.ownerId !== before.ownerId) await assertOwnerMaySee(tx, input.ownerId, account);
    await updateVersioned(tx.serviceItem, {
      where: { id: input.id },
      version: input.version,
      data: {
        name: input.name,
        description: input.description,
        ownerId: input.ownerId,
        frequency: input.frequency,
        nextDueOn: toDbDate(input.nextDueOn!),
      },
    });
    const after = await tx.serviceItem.findUniqueOrThrow({ where: { id: input.id }, select: itemSelect });
    await audit({ action: "serviceItem.update", entity: "ServiceItem", entityId: input.id, before, after });
    return after;
  });
  await refreshAccountHealth([after.accountId]);
  return after;
}

async function setDeleted(viewer: Viewer, input: { id: string; version: number }, deleted: boolean) {
  const after = await mutate(viewer, async ({ tx, audit }) => {
    const { item: before } = await itemForChange(tx, viewer, input.id, !deleted);
    await updateVersioned(tx.serviceItem, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt: deleted ? new Date() : null },
    });
    // A deleted item's open task goes with it (a restored one gets a fresh task from the due job).
    if (deleted) {
      await tx.followUp.updateMany({
        where: { serviceItemId: input.id, completedAt: null, deletedAt: null },
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
    }
    const after = await tx.serviceItem.findUniqueOrThrow({ where: { id: input.id }, select: itemSelect });
    const action = deleted ? "serviceItem.delete" : "serviceItem.restore";
    await audit({ action, entity: "ServiceItem", entityId: input.id, before, after });
    return after;
  });
  await refreshAccountHealth([after.accountId]);
  return after;
}

export const deleteServiceItem = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, true);
export const restoreServiceItem = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, false);

/** People who may own an item of this account: active members of its team, and its owner. */
export async function serviceOwnerOptions(viewer: Viewer, account: { ownerId: string; teamId: string }) {
  const rows = await db.user.findMany({
    where: { active: true, OR: [{ teamId: account.teamId }, { id: account.ownerId }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return canSee(viewer, account) ? rows : [];
}

/** The account's recent visits the viewer may see, to link a delivery to the visit that made it. */
export async function recentVisitOptions(viewer: Viewer, accountId: string) {
  const rows = await db.visitRecord.findMany({
    where: { accountId, deletedAt: null, ...scopeWhere(viewer) },
    orderBy: { visitedAt: "desc" },
    take: 10,
    select: { id: true, visitedAt: true, place: true },
  });
  return rows.map((r) => ({ id: r.id, day: chinaDate(r.visitedAt), place: r.place }));
}
