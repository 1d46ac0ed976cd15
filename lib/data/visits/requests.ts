import "server-only";
import { db, type Tx } from "@/lib/db";
import { canDo, type Viewer } from "@/lib/domain/access";
import {
  canRequest,
  chinaYear,
  chinaYearRange,
  COUNTED_GIFT_STATUSES,
  requestNeedsApproval,
  submittedStatus,
} from "@/lib/domain/visit-approval";
import type { VisitSettings } from "@/lib/domain/visits";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { GiftInput, ReceptionInput, RequestInput } from "@/lib/validation/visit-plans";
import { auditRowSelect, mutate, type AuditRow } from "../audit";
import { notify } from "../notifications";
import { updateVersioned } from "../versioning";
import { approvalScope, findApprover } from "./approvals";
import { oncePerClientId } from "./client-id";
import { assertContactsOfAccount, scopedAccount } from "./plans";
import { getVisitSettings } from "./settings";

// 礼品馈赠申请表 and 客户接待申请表: attached to a plan or straight to an account, owned like every
// record. Every reception needs approval, a gift only above the admin's threshold; the others are
// approved when made. The year's gift totals per contact and per account are a compliance check.

const fieldsOf = (input: RequestInput) =>
  input.kind === "GIFT"
    ? {
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        giftItems: (input as GiftInput).giftItems,
        recipientContactId: (input as GiftInput).recipientContactId,
      }
    : {
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        delegation: (input as ReceptionInput).delegation,
        startDate: (input as ReceptionInput).startDate,
        endDate: (input as ReceptionInput).endDate,
        headcount: (input as ReceptionInput).headcount,
        itinerary: (input as ReceptionInput).itinerary,
      };

/** The plan a request is attached to: one the viewer may see, on the same account, not closed. */
async function assertPlan(tx: Tx, viewer: Viewer, accountId: string, planId: string | null) {
  if (!planId) return;
  const plan = await tx.visitPlan.findFirst({
    where: { id: planId, deletedAt: null, ...approvalScope(viewer) },
    select: { accountId: true },
  });
  if (!plan || plan.accountId !== accountId)
    throw new AppError("VALIDATION", "plan", { planId: ["visitPlans.errors.planNotOnAccount"] });
}

async function submission(
  tx: Tx,
  owner: { ownerId: string; teamId: string },
  request: { kind: "GIFT" | "RECEPTION"; amount: bigint },
  settings: VisitSettings,
) {
  const needsApproval = requestNeedsApproval(request, settings);
  const approverId = needsApproval
    ? await findApprover(tx, {
        ...owner,
        amount: request.amount,
        directorThreshold: settings.directorThreshold,
      })
    : null;
  return {
    status: submittedStatus(needsApproval),
    needsApproval,
    approverId,
    decidedAt: needsApproval ? null : new Date(),
    decisionComment: null,
  };
}

async function notifyApprover(
  tx: Tx,
  viewer: Viewer,
  request: { id: string; approverId: string | null; status: string; kind: "GIFT" | "RECEPTION" },
  accountName: string,
) {
  if (request.status !== "SUBMITTED" || !request.approverId) return;
  await notify(tx, {
    userId: request.approverId,
    kind: "request.submitted",
    entity: "VisitRequest",
    entityId: request.id,
    actorId: viewer.id,
    payload: { accountName, actorName: viewer.name, requestKind: request.kind },
  });
}

/** Makes a request owned by the viewer; a retried submission with the same `clientId` returns the first. */
export async function createRequest(viewer: Viewer, input: RequestInput & { clientId: string | null }) {
  const existing = async () => {
    if (!input.clientId) return null;
    const found = await db.visitRequest.findUnique({ where: { clientId: input.clientId } });
    if (found && found.ownerId !== viewer.id) throw notFound("request");
    return found;
  };
  const { row } = await oncePerClientId(existing, () =>
    mutate(viewer, async ({ tx, audit }) => {
      const account = await scopedAccount(tx, viewer, input.accountId);
      await assertPlan(tx, viewer, account.id, input.planId);
      if (input.kind === "GIFT")
        await assertContactsOfAccount(tx, account.id, [input.recipientContactId], "recipientContactId");
      const teamId = viewer.teamId ?? account.teamId;
      const fields = fieldsOf(input);
      const status = await submission(tx, { ownerId: viewer.id, teamId }, fields, await getVisitSettings(tx));
      const request = await tx.visitRequest.create({
        data: {
          clientId: input.clientId,
          accountId: account.id,
          planId: input.planId,
          ownerId: viewer.id,
          teamId,
          ...fields,
          ...status,
        },
      });
      await audit({
        action: "visitRequest.create",
        entity: "VisitRequest",
        entityId: request.id,
        after: request,
      });
      await notifyApprover(tx, viewer, request, account.name);
      return request;
    }),
  );
  return row;
}

async function requestForChange(tx: Tx, viewer: Viewer, id: string) {
  const request = await tx.visitRequest.findFirst({
    where: { id, deletedAt: null, ...approvalScope(viewer) },
    include: { account: { select: { name: true } } },
  });
  if (!request) throw notFound("request");
  if (!canDo(viewer, "edit", request)) throw forbidden();
  const { account, ...row } = request;
  return { request: row, accountName: account.name };
}

/** A returned request, edited and submitted again. The kind and the account stay. */
export async function resubmitRequest(viewer: Viewer, input: RequestInput & { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { request: before, accountName } = await requestForChange(tx, viewer, input.id);
    if (!canRequest("edit", before.status)) throw new AppError("CONFLICT");
    if (input.kind !== before.kind || input.accountId !== before.accountId)
      throw new AppError("VALIDATION", "fixed", { _form: ["visitPlans.errors.requestFixed"] });
    await assertPlan(tx, viewer, before.accountId, input.planId);
    if (input.kind === "GIFT")
      await assertContactsOfAccount(tx, before.accountId, [input.recipientContactId], "recipientContactId");
    const fields = fieldsOf(input);
    const status = await submission(tx, before, fields, await getVisitSettings(tx));
    await updateVersioned(tx.visitRequest, {
      where: { id: before.id },
      version: input.version,
      data: { ...fields, planId: input.planId, ...status },
    });
    const after = await tx.visitRequest.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: "visitRequest.resubmit",
      entity: "VisitRequest",
      entityId: before.id,
      before,
      after,
    });
    await notifyApprover(tx, viewer, after, accountName);
    return after;
  });
}

export async function cancelRequest(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { request: before } = await requestForChange(tx, viewer, input.id);
    if (!canRequest("cancel", before.status)) throw new AppError("CONFLICT");
    await updateVersioned(tx.visitRequest, {
      where: { id: before.id },
      version: input.version,
      data: { status: "CANCELLED" },
    });
    const after = await tx.visitRequest.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: "visitRequest.cancel",
      entity: "VisitRequest",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/** One request with its account, plan, people and history. NOT_FOUND outside the viewer's scope. */
export async function getRequest(viewer: Viewer, id: string) {
  const request = await db.visitRequest.findFirst({
    where: { id, deletedAt: null, ...approvalScope(viewer) },
    include: {
      account: { select: { id: true, name: true, tier: true } },
      plan: { select: { id: true, purpose: true } },
      owner: { select: { id: true, name: true } },
      approver: { select: { id: true, name: true } },
      recipientContact: { select: { id: true, name: true, title: true } },
    },
  });
  if (!request) throw notFound("request");
  const history = await db.auditLog.findMany({
    where: { entity: "VisitRequest", entityId: request.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: auditRowSelect,
  });
  return { ...request, history: history as AuditRow[] };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequest>>;

/**
 * The year's gift totals (China calendar year, approved and waiting gifts) for the account and for
 * each of its contacts that received one. NOT_FOUND when the account is outside the viewer's scope.
 */
export async function giftYearTotals(viewer: Viewer, accountId: string, now = new Date()) {
  const account = await scopedAccount(db, viewer, accountId);
  const year = chinaYear(now);
  const { start, end } = chinaYearRange(year);
  const rows = await db.visitRequest.groupBy({
    by: ["recipientContactId"],
    where: {
      accountId: account.id,
      kind: "GIFT",
      deletedAt: null,
      status: { in: [...COUNTED_GIFT_STATUSES] },
      createdAt: { gte: start, lt: end },
    },
    _sum: { amount: true },
  });
  const perContact = new Map<string, bigint>();
  let total = 0n;
  for (const r of rows) {
    const sum = r._sum.amount ?? 0n;
    total += sum;
    if (r.recipientContactId) perContact.set(r.recipientContactId, sum);
  }
  return { year, account: total, perContact };
}
