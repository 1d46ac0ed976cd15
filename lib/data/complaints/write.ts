import "server-only";
import type { Tx } from "@/lib/db";
import { canHandleComplaint, canSeeComplaint, hasCapability, type Viewer } from "@/lib/domain/access";
import { slaDueDates } from "@/lib/domain/complaints";
import { scopeWhere } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type {
  AssignComplaintInput,
  EditComplaintInput,
  RecordComplaintInput,
} from "@/lib/validation/complaints";
import { mutate } from "../audit";
import { refreshAccountHealth } from "../health/refresh";
import { notify } from "../notifications";
import { updateVersioned } from "../versioning";
import { escalateInTx, loadEscalationOrg } from "./escalate";
import { allocateNumber, complaintForChange, slaPolicy } from "./shared";

// Recording, editing, handing over, notes, escalation by hand, delete and restore. Whoever records
// a complaint is its first-responsibility owner (首问负责人) for good: handing it over to a person
// or a team changes who works it, never who answers for it.

const invalid = (field: string, key = "validation.invalid") =>
  new AppError("VALIDATION", undefined, { [field]: [key] });

/** Contacts, deal and agreement must belong to the complaint's account (ids from elsewhere are refused). */
async function checkLinks(
  tx: Tx,
  accountId: string,
  input: {
    contactIds: string[];
    dealId: string | null;
    agreementId: string | null;
    visitRecordId?: string | null;
  },
) {
  if (input.contactIds.length) {
    const n = await tx.contact.count({ where: { id: { in: input.contactIds }, accountId, deletedAt: null } });
    if (n !== input.contactIds.length) throw invalid("contactIds");
  }
  if (input.dealId && !(await tx.deal.count({ where: { id: input.dealId, accountId, deletedAt: null } })))
    throw invalid("dealId");
  if (
    input.agreementId &&
    !(await tx.cooperationAgreement.count({ where: { id: input.agreementId, accountId, deletedAt: null } }))
  )
    throw invalid("agreementId");
  if (input.visitRecordId && !(await tx.visitRecord.count({ where: { id: input.visitRecordId, accountId } })))
    throw invalid("visitRecordId");
}

/** The person a complaint is handed to: an active colleague in a team. */
async function handlerPerson(tx: Tx, handlerId: string) {
  const u = await tx.user.findFirst({
    where: { id: handlerId, active: true, teamId: { not: null } },
    select: { id: true, name: true, teamId: true },
  });
  if (!u) throw invalid("handlerId");
  return u;
}

const snapshot = <T extends object>(c: T) => c;

export async function recordComplaint(
  viewer: Viewer,
  input: RecordComplaintInput,
  now = new Date(),
): Promise<{ id: string; number: string }> {
  if (!hasCapability(viewer, "records.create")) throw forbidden();
  const result = await mutate(viewer, async ({ tx, audit }) => {
    const account = await tx.account.findFirst({
      where: { id: input.accountId, deletedAt: null, ...scopeWhere(viewer) },
      select: { id: true, name: true, teamId: true },
    });
    if (!account) throw invalid("accountId", "complaints.errors.account");
    await checkLinks(tx, account.id, input);
    const handler = input.handlerId ? await handlerPerson(tx, input.handlerId) : null;
    const due = slaDueDates(now, await slaPolicy(tx, input.severity));
    const number = await allocateNumber(tx, now);
    const c = await tx.complaint.create({
      data: {
        number,
        accountId: account.id,
        teamId: account.teamId,
        ownerId: viewer.id,
        ownerTeamId: viewer.teamId,
        handlerId: handler?.id ?? null,
        handlerTeamId: handler?.teamId ?? null,
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        title: input.title,
        customerWords: input.customerWords,
        contactIds: input.contactIds,
        dealId: input.dealId,
        agreementId: input.agreementId,
        visitRecordId: input.visitRecordId ?? null,
        sendSurveyOnClose: input.sendSurveyOnClose,
        receivedAt: now,
        ...due,
      },
    });
    await tx.complaintEvent.create({
      data: { complaintId: c.id, actorId: viewer.id, kind: "status", toStatus: "RECEIVED", createdAt: now },
    });
    if (handler) {
      await tx.complaintEvent.create({
        data: {
          complaintId: c.id,
          actorId: viewer.id,
          kind: "assign",
          payload: { handlerId: handler.id, handlerTeamId: handler.teamId },
          createdAt: now,
        },
      });
      if (handler.id !== viewer.id) await notifyAssigned(tx, handler.id, viewer, c, account.name);
    }
    await audit({ action: "complaint.create", entity: "Complaint", entityId: c.id, after: snapshot(c) });
    return { id: c.id, number: c.number, accountId: account.id };
  });
  await refreshAccountHealth([result.accountId], now);
  return { id: result.id, number: result.number };
}

async function notifyAssigned(
  tx: Tx,
  userId: string,
  actor: Viewer,
  c: { id: string; number: string; title: string },
  accountName: string,
) {
  await notify(tx, {
    userId,
    kind: "complaint.assigned",
    entity: "Complaint",
    entityId: c.id,
    actorId: actor.id,
    payload: { actorName: actor.name, accountName, complaintNumber: c.number, title: c.title },
  });
}

const editSelect = {
  category: true,
  severity: true,
  title: true,
  customerWords: true,
  contactIds: true,
  dealId: true,
  agreementId: true,
  sendSurveyOnClose: true,
  receivedAt: true,
  ackDueAt: true,
  resolveDueAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
} as const;

/**
 * Corrects the record. A new severity moves the clocks that still run: the acknowledgement due from
 * the receipt, the resolution due by the difference between the two policies (so a restarted clock
 * after a reopen keeps its start).
 */
export async function editComplaint(viewer: Viewer, input: EditComplaintInput, now = new Date()) {
  const accountId = await mutate(viewer, async ({ tx, audit }) => {
    const before = await complaintForChange(tx, viewer, input.id, editSelect);
    if (!canHandleComplaint(viewer, before)) throw forbidden();
    await checkLinks(tx, before.accountId, input);
    const clocks: { ackDueAt?: Date; resolveDueAt?: Date } = {};
    if (input.severity !== before.severity) {
      const [oldP, newP] = [await slaPolicy(tx, before.severity), await slaPolicy(tx, input.severity)];
      if (!before.acknowledgedAt) clocks.ackDueAt = slaDueDates(before.receivedAt, newP).ackDueAt;
      if (!before.resolvedAt)
        clocks.resolveDueAt = new Date(
          before.resolveDueAt.getTime() + (newP.resolveMinutes - oldP.resolveMinutes) * 60_000,
        );
    }
    const data = {
      category: input.category,
      severity: input.severity,
      title: input.title,
      customerWords: input.customerWords,
      contactIds: input.contactIds,
      dealId: input.dealId,
      agreementId: input.agreementId,
      sendSurveyOnClose: input.sendSurveyOnClose,
      ...clocks,
    };
    await updateVersioned(tx.complaint, {
      where: { id: before.id, deletedAt: null },
      version: input.version,
      data,
    });
    await audit({
      action: "complaint.update",
      entity: "Complaint",
      entityId: before.id,
      before,
      after: data,
    });
    return before.accountId;
  });
  await refreshAccountHealth([accountId], now);
}

/**
 * Hands the complaint over (转交) to a person (their team becomes the handling team) or to a team
 * (its manager is told). The owner keeps it; the new handler is notified.
 */
export async function assignComplaint(viewer: Viewer, input: AssignComplaintInput, now = new Date()) {
  const accountId = await mutate(viewer, async ({ tx, audit }) => {
    const before = await complaintForChange(tx, viewer, input.id, {
      number: true,
      title: true,
      account: { select: { name: true } },
    });
    if (!canHandleComplaint(viewer, before)) throw forbidden();
    if (before.status === "CLOSED") throw new AppError("CONFLICT", "closed");
    let handlerId: string | null = null;
    let handlerTeamId: string | null;
    let notifyIds: string[];
    if (input.handlerId) {
      const person = await handlerPerson(tx, input.handlerId);
      handlerId = person.id;
      handlerTeamId = person.teamId;
      notifyIds = [person.id];
    } else {
      const team = await tx.team.findFirst({
        where: { id: input.handlerTeamId!, deletedAt: null },
        select: { id: true, managerId: true },
      });
      if (!team) throw invalid("handlerTeamId");
      handlerTeamId = team.id;
      notifyIds = team.managerId ? [team.managerId] : [];
    }
    const data = { handlerId, handlerTeamId };
    await updateVersioned(tx.complaint, {
      where: { id: before.id, deletedAt: null },
      version: input.version,
      data,
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: before.id,
        actorId: viewer.id,
        kind: "assign",
        note: input.note,
        payload: { ...data, fromHandlerId: before.handlerId, fromHandlerTeamId: before.handlerTeamId },
        createdAt: now,
      },
    });
    for (const userId of notifyIds.filter((u) => u !== viewer.id))
      await notifyAssigned(tx, userId, viewer, before, before.account.name);
    await audit({
      action: "complaint.assign",
      entity: "Complaint",
      entityId: before.id,
      before: { handlerId: before.handlerId, handlerTeamId: before.handlerTeamId },
      after: data,
    });
    return before.accountId;
  });
  await refreshAccountHealth([accountId], now);
}

/** A note on the timeline: anyone who sees the complaint may add one. */
export async function addComplaintNote(
  viewer: Viewer,
  input: { id: string; note: string },
  now = new Date(),
) {
  await mutate(viewer, async ({ tx, audit }) => {
    const c = await complaintForChange(tx, viewer, input.id, {});
    const event = await tx.complaintEvent.create({
      data: { complaintId: c.id, actorId: viewer.id, kind: "note", note: input.note, createdAt: now },
    });
    await audit({
      action: "complaint.note",
      entity: "Complaint",
      entityId: c.id,
      after: { eventId: event.id, note: input.note },
    });
  });
}

/** Escalation by hand (the handler asks the owner's manager for help), with the reason. */
export async function escalateComplaint(
  viewer: Viewer,
  input: { id: string; version: number; note: string },
  now = new Date(),
) {
  await mutate(viewer, async ({ tx, audit }) => {
    const c = await complaintForChange(tx, viewer, input.id, {
      number: true,
      title: true,
      account: { select: { name: true } },
    });
    if (!canHandleComplaint(viewer, c)) throw forbidden();
    if (c.status === "CLOSED") throw new AppError("CONFLICT", "closed");
    await updateVersioned(tx.complaint, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data: {},
    });
    const org = await loadEscalationOrg(tx, [c.ownerId]);
    await audit(
      await escalateInTx(
        tx,
        org,
        { id: c.id, number: c.number, title: c.title, ownerId: c.ownerId, accountName: c.account.name },
        { breach: "manual", actorId: viewer.id, actorName: viewer.name, note: input.note, now },
      ),
    );
  });
}

/** Soft delete (a complaint recorded twice or by mistake): managers and administrators only. */
export async function deleteComplaint(
  viewer: Viewer,
  input: { id: string; version: number },
  now = new Date(),
) {
  const accountId = await mutate(viewer, async ({ tx, audit }) => {
    const c = await complaintForChange(tx, viewer, input.id, {});
    if (!hasCapability(viewer, "records.restore") || !canHandleComplaint(viewer, c)) throw forbidden();
    await updateVersioned(tx.complaint, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data: { deletedAt: now },
    });
    await audit({
      action: "complaint.delete",
      entity: "Complaint",
      entityId: c.id,
      before: { deletedAt: null },
      after: { deletedAt: now },
    });
    return c.accountId;
  });
  await refreshAccountHealth([accountId], now);
}

export async function restoreComplaint(
  viewer: Viewer,
  input: { id: string; version: number },
  now = new Date(),
) {
  const accountId = await mutate(viewer, async ({ tx, audit }) => {
    const c = await complaintForChange(tx, viewer, input.id, {}, { deleted: true });
    if (!hasCapability(viewer, "records.restore") || !canHandleComplaint(viewer, c))
      throw notFound("complaint");
    await updateVersioned(tx.complaint, {
      where: { id: c.id, deletedAt: { not: null } },
      version: input.version,
      data: { deletedAt: null },
    });
    await audit({
      action: "complaint.restore",
      entity: "Complaint",
      entityId: c.id,
      before: { deletedAt: c.deletedAt },
      after: { deletedAt: null },
    });
    return c.accountId;
  });
  await refreshAccountHealth([accountId], now);
}

/** Whether the viewer may see / handle a complaint row already loaded (for the pages' buttons). */
export const complaintRights = (viewer: Viewer, c: Parameters<typeof canSeeComplaint>[1]) => ({
  see: canSeeComplaint(viewer, c),
  handle: canHandleComplaint(viewer, c),
  manage: canHandleComplaint(viewer, c) && hasCapability(viewer, "records.restore"),
});
