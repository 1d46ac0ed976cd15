import "server-only";
import { refreshAccountHealth } from "@/lib/data/health/refresh";
import { db, Prisma, type Tx } from "@/lib/db";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { checkInDistance, ticksToApply } from "@/lib/domain/visit-records";
import { assertCapability, assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { CreateVisitRecordInput, UpdateVisitRecordInput } from "@/lib/validation/visit-records";
import { oncePerClientId } from "./client-id";
import { mutate, type MutationContext } from "../audit";
import { applyStageWork } from "../deals/changes";
import { updateVersioned } from "../versioning";
import { refreshAccountContact } from "./contact-due";
import { completeFollowUps, createFollowUp, moveFollowUp, setFollowUpsDeleted } from "./follow-ups";
import { insertPhotos } from "./photos";
import { scopedAccount } from "./plans";
import { cachedVisitSettings } from "./settings";

// 客户拜访记录表: saving one is the rep's most frequent act, often from a phone on a weak network. The
// browser makes a `clientId` when the form opens, so a retried or doubled submission (the offline
// queue, a double tap, two tabs) returns the record already made: one row, one audit row. Saving also
// sets the follow-up, completes the open ones, refreshes the account's last contact, closes the
// plan and may tick the deal's current-stage work — all in one transaction.

type Client = Prisma.TransactionClient | typeof db;

/** What the audit trail keeps of a record (never the photo bytes). */
const recordSelect = {
  id: true,
  clientId: true,
  accountId: true,
  ownerId: true,
  teamId: true,
  planId: true,
  dealId: true,
  visitedAt: true,
  place: true,
  method: true,
  contactIds: true,
  talkingPoints: true,
  customerViews: true,
  suggestions: true,
  nextStep: true,
  outcome: true,
  durationMinutes: true,
  cost: true,
  checkInAt: true,
  checkInLatitude: true,
  checkInLongitude: true,
  checkInAccuracyM: true,
  checkInDistanceM: true,
  version: true,
  deletedAt: true,
  createdAt: true,
} satisfies Prisma.VisitRecordSelect;

export type VisitRecordRow = Prisma.VisitRecordGetPayload<{ select: typeof recordSelect }>;

/** The record a submission already made, if the viewer made it (another person's clientId → DUPLICATE). */
async function existingSubmission(client: Client, viewer: Viewer, clientId: string) {
  const row = await client.visitRecord.findUnique({ where: { clientId }, select: recordSelect });
  if (row && row.ownerId !== viewer.id) throw new AppError("DUPLICATE");
  return row;
}

const fieldError = (field: string, key: string) => new AppError("VALIDATION", field, { [field]: [key] });

/** The contacts met must be live contacts of this account. */
async function assertContacts(tx: Tx, accountId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await tx.contact.count({ where: { id: { in: ids }, accountId, deletedAt: null } });
  if (found !== new Set(ids).size) throw fieldError("contactIds", "validation.invalidOption");
}

/** The plan a record closes: the viewer's to act on, of this account, not closed or cancelled yet. */
async function closePlan({ tx, audit }: MutationContext, viewer: Viewer, planId: string, accountId: string) {
  const plan = await tx.visitPlan.findFirst({
    where: { id: planId, ...scopeWhere(viewer), deletedAt: null },
    include: { record: { select: { id: true } } },
  });
  if (!plan) throw notFound("plan");
  assertRecord(viewer, "edit", plan, "plan");
  if (plan.accountId !== accountId) throw fieldError("planId", "visits.errors.planOtherAccount");
  if (plan.record || plan.status === "DONE" || plan.status === "CANCELLED")
    throw fieldError("planId", "visits.errors.planClosed");
  const { record: _record, ...before } = plan;
  await updateVersioned(tx.visitPlan, {
    where: { id: plan.id },
    version: plan.version,
    data: { status: "DONE" },
  });
  const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: plan.id } });
  await audit({ action: "visitPlan.done", entity: "VisitPlan", entityId: plan.id, before, after });
}

/** Ticks the linked deal's current-stage yes/no work through the deal's own update path. */
async function tickDealWork(ctx: MutationContext, viewer: Viewer, dealId: string, requested: string[]) {
  // Locked first, so the version read here is the one the versioned update then checks.
  await ctx.tx.$queryRaw`SELECT id FROM "Deal" WHERE id = ${dealId} FOR UPDATE`;
  const deal = await ctx.tx.deal.findUniqueOrThrow({ where: { id: dealId } });
  const ticks = ticksToApply(deal, requested);
  if (!ticks.length) return;
  const set = Object.fromEntries(ticks.map((t) => [t, true]));
  const base = { id: deal.id, version: deal.version };
  if (deal.stage === "INFORMATION") {
    await applyStageWork(ctx, viewer, {
      ...base,
      section: "INFORMATION",
      sampleItem: deal.sampleItem,
      sampleSentOn: deal.sampleSentOn,
      sampleSpecAgreed: deal.sampleSpecAgreed,
      sampleAccepted: deal.sampleAccepted,
      sampleTechOwner: deal.sampleTechOwner,
      informationSufficient: deal.informationSufficient,
      needsClear: deal.needsClear,
      ...set,
    });
  } else if (deal.stage === "CLOSING") {
    await applyStageWork(ctx, viewer, {
      ...base,
      section: "CLOSING",
      seniorMeetingHeld: deal.seniorMeetingHeld,
      siteAuditDone: deal.siteAuditDone,
      systemSupportArranged: deal.systemSupportArranged,
      ...set,
    });
  }
}

export type CreatedVisit = { record: VisitRecordRow; created: boolean };

/**
 * Saves a visit record once per clientId. A repeat (the same person, the same clientId) returns the
 * record already saved with `created: false` and writes nothing — also when two submissions race:
 * the unique index refuses the second insert and its transaction rolls back whole.
 */
export async function createVisitRecord(
  viewer: Viewer,
  input: CreateVisitRecordInput,
  now = new Date(),
): Promise<CreatedVisit> {
  assertCapability(viewer, "records.create");
  // No look-up first: a repeat is rare (a retried send), and the unique index finds it anyway.
  const { row, created } = await oncePerClientId(
    () => existingSubmission(db, viewer, input.clientId),
    () => mutate(viewer, (ctx) => insertRecord(ctx, viewer, input, now), { timeoutMs: 15_000 }),
    { lookFirst: false },
  );
  if (created) await refreshAccountHealth([row.accountId], now);
  return { record: row, created };
}

async function insertRecord(ctx: MutationContext, viewer: Viewer, input: CreateVisitRecordInput, now: Date) {
  const { tx, audit } = ctx;
  const settings = await cachedVisitSettings();
  const account = await scopedAccount(tx, viewer, input.accountId);
  await assertContacts(tx, account.id, input.contactIds);
  if (input.dealId) {
    const deal = await tx.deal.findFirst({
      where: { id: input.dealId, accountId: account.id, ...scopeWhere(viewer), deletedAt: null },
      select: { id: true },
    });
    if (!deal) throw fieldError("dealId", "validation.invalidOption");
  }
  const visitedAt = input.visitedAt ?? now;
  const checkedIn = input.checkInLatitude !== null && input.checkInLongitude !== null;
  const checkIn = checkedIn ? { latitude: input.checkInLatitude!, longitude: input.checkInLongitude! } : null;
  // The visitor's team; an administrator (who belongs to none) files it with the account's.
  const teamId = viewer.teamId ?? account.teamId;

  const record = await tx.visitRecord.create({
    data: {
      clientId: input.clientId,
      accountId: account.id,
      ownerId: viewer.id,
      teamId,
      dealId: input.dealId,
      visitedAt,
      place: input.place,
      method: input.method,
      contactIds: [...new Set(input.contactIds)],
      talkingPoints: input.talkingPoints,
      customerViews: input.customerViews,
      suggestions: input.suggestions,
      nextStep: input.nextStep,
      outcome: input.outcome,
      durationMinutes: input.durationMinutes,
      cost: input.cost,
      checkInAt: checkIn ? (input.checkInAt ?? visitedAt) : null,
      checkInLatitude: checkIn?.latitude ?? null,
      checkInLongitude: checkIn?.longitude ?? null,
      checkInAccuracyM: checkIn ? input.checkInAccuracyM : null,
      checkInDistanceM: checkInDistance(checkIn, account),
    },
    select: recordSelect,
  });
  await insertPhotos(tx, record.id, input.photos);
  await audit({
    action: "visit.create",
    entity: "VisitRecord",
    entityId: record.id,
    after: { ...record, photos: input.photos.length },
  });

  if (input.planId) {
    await closePlan(ctx, viewer, input.planId, account.id);
    await tx.visitRecord.update({ where: { id: record.id }, data: { planId: input.planId } });
    record.planId = input.planId;
  }
  await completeFollowUps(tx, record, now);
  await createFollowUp(tx, { ...record, teamId }, settings.followUpDays);
  await refreshAccountContact(tx, account.id, settings);

  // "Save this as the account's location": only when it has none and the visitor may edit it.
  if (checkIn && input.saveAccountLocation && account.latitude === null && canDo(viewer, "edit", account)) {
    const { count } = await tx.account.updateMany({
      where: { id: account.id, latitude: null },
      data: { latitude: checkIn.latitude, longitude: checkIn.longitude },
    });
    if (count)
      await audit({
        action: "account.location",
        entity: "Account",
        entityId: account.id,
        before: { latitude: null, longitude: null },
        after: checkIn,
      });
  }
  if (input.dealId && input.tickWork.length) await tickDealWork(ctx, viewer, input.dealId, input.tickWork);
  return record;
}

/** A record for a change: NOT_FOUND outside scope, FORBIDDEN if not the viewer's to change. */
async function recordForChange(
  tx: Tx,
  viewer: Viewer,
  id: string,
  deleted: boolean,
  action: "edit" | "delete" | "restore",
) {
  const row = await tx.visitRecord.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: deleted ? { not: null } : null },
    select: recordSelect,
  });
  if (!row) throw notFound("visit");
  assertRecord(viewer, action, row, "visit");
  return row;
}

/** Edits a record (versioned). Moving its time moves its open follow-up and the account's last contact. */
export async function updateVisitRecord(viewer: Viewer, input: UpdateVisitRecordInput) {
  const saved = await mutate(viewer, async ({ tx, audit }) => {
    const before = await recordForChange(tx, viewer, input.id, false, "edit");
    await assertContacts(tx, before.accountId, input.contactIds);
    const settings = await cachedVisitSettings();
    const visitedAt = input.visitedAt ?? before.visitedAt;
    await updateVersioned(tx.visitRecord, {
      where: { id: input.id },
      version: input.version,
      data: {
        visitedAt,
        place: input.place,
        method: input.method,
        contactIds: [...new Set(input.contactIds)],
        talkingPoints: input.talkingPoints,
        customerViews: input.customerViews,
        suggestions: input.suggestions,
        nextStep: input.nextStep,
        outcome: input.outcome,
        durationMinutes: input.durationMinutes,
        cost: input.cost,
      },
    });
    if (visitedAt.getTime() !== before.visitedAt.getTime()) {
      await moveFollowUp(tx, before.id, visitedAt, settings.followUpDays);
    }
    await refreshAccountContact(tx, before.accountId, settings);
    const after = await tx.visitRecord.findUniqueOrThrow({ where: { id: input.id }, select: recordSelect });
    await audit({ action: "visit.update", entity: "VisitRecord", entityId: input.id, before, after });
    return after;
  });
  // Contact recency moves the account's health (after commit; it never fails the save).
  await refreshAccountHealth([saved.accountId]);
  return saved;
}

async function setDeleted(viewer: Viewer, input: { id: string; version: number }, remove: boolean) {
  const saved = await mutate(viewer, async ({ tx, audit }) => {
    const before = await recordForChange(tx, viewer, input.id, !remove, remove ? "delete" : "restore");
    const deletedAt = remove ? new Date() : null;
    await updateVersioned(tx.visitRecord, {
      where: { id: input.id },
      version: input.version,
      data: { deletedAt },
    });
    await setFollowUpsDeleted(tx, input.id, deletedAt);
    await refreshAccountContact(tx, before.accountId, await cachedVisitSettings());
    const after = await tx.visitRecord.findUniqueOrThrow({ where: { id: input.id }, select: recordSelect });
    await audit({
      action: remove ? "visit.delete" : "visit.restore",
      entity: "VisitRecord",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
  await refreshAccountHealth([saved.accountId]);
  return saved;
}

/** Soft-deletes a record; the account's last contact falls back to the visit before it. */
export const deleteVisitRecord = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, true);

export const restoreVisitRecord = (viewer: Viewer, input: { id: string; version: number }) =>
  setDeleted(viewer, input, false);

/** Whether the viewer may restore deleted records at all (managers), for the screens. */
export const mayRestoreVisits = (viewer: Viewer) => hasCapability(viewer, "records.restore");
