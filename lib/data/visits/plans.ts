import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { canDo, type Viewer } from "@/lib/domain/access";
import { canPlan, planNeedsApproval, submittedStatus } from "@/lib/domain/visit-approval";
import { type VisitSettings } from "@/lib/domain/visits";
import { scopeWhere } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { PlanInput } from "@/lib/validation/visit-plans";
import { oncePerClientId } from "./client-id";
import { mutate } from "../audit";
import { notify } from "../notifications";
import { updateVersioned } from "../versioning";
import { approvalScope, findApprover } from "./approvals";
import { getVisitSettings } from "./settings";

// 客户拜访计划表: a person's plan to visit an account. Owned (owner + team) like every record; the
// approver is fixed when it is submitted. Every change is versioned and audited; deleting is soft.

type Client = Tx | typeof db;

const fieldError = (field: string, key: string) =>
  new AppError("VALIDATION", key, { [field]: [`visitPlans.errors.${key}`] });

/** A live account the viewer may see, or NOT_FOUND. */
export async function scopedAccount(client: Client, viewer: Viewer, accountId: string) {
  const account = await client.account.findFirst({
    where: { id: accountId, deletedAt: null, ...scopeWhere(viewer) },
    // The location is the check-in's yardstick when a visit record is saved against it.
    select: {
      id: true,
      name: true,
      tier: true,
      ownerId: true,
      teamId: true,
      latitude: true,
      longitude: true,
    },
  });
  if (!account) throw notFound("account");
  return account;
}

/** Every id must be a live contact of the account. */
export async function assertContactsOfAccount(tx: Tx, accountId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx.contact.count({ where: { id: { in: ids }, accountId, deletedAt: null } });
  if (found !== ids.length) throw fieldError(field, "contactNotOnAccount");
}

async function assertCompanions(tx: Tx, viewer: Viewer, ids: string[]) {
  if (!ids.length) return;
  const teams = viewer.visibleTeamIds === "all" ? undefined : { in: [...viewer.visibleTeamIds] };
  const found = await tx.user.count({
    where: { id: { in: ids }, active: true, ...(teams ? { teamId: teams } : {}) },
  });
  if (found !== ids.length) throw fieldError("companionIds", "companionUnknown");
}

async function assertDeal(tx: Tx, viewer: Viewer, accountId: string, dealId: string | null) {
  if (!dealId) return;
  const deal = await tx.deal.findFirst({
    where: { id: dealId, accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: { id: true },
  });
  if (!deal) throw fieldError("dealId", "dealNotOnAccount");
}

const fieldsOf = (input: PlanInput) => ({
  dealId: input.dealId,
  contactIds: input.contactIds,
  companionIds: input.companionIds,
  purpose: input.purpose,
  objectives: input.objectives,
  method: input.method,
  place: input.place,
  plannedStart: input.plannedStart,
  plannedEnd: input.plannedEnd,
  expectedCost: input.expectedCost,
});

/**
 * What submitting a plan sets: approved at once when the settings do not ask for approval,
 * otherwise waiting for the approver found for its owner and expected cost.
 */
async function submission(
  tx: Tx,
  plan: { ownerId: string; teamId: string; expectedCost: bigint | null; method: PlanInput["method"] },
  tier: "A" | "B" | "C",
  settings: VisitSettings,
) {
  const needsApproval = planNeedsApproval(
    { tier, expectedCost: plan.expectedCost, method: plan.method },
    settings,
  );
  const now = new Date();
  const approverId = needsApproval
    ? await findApprover(tx, {
        ownerId: plan.ownerId,
        teamId: plan.teamId,
        amount: plan.expectedCost,
        directorThreshold: settings.directorThreshold,
      })
    : null;
  return {
    status: submittedStatus(needsApproval),
    needsApproval,
    approverId,
    submittedAt: now,
    decidedAt: needsApproval ? null : now,
    decisionComment: null,
  };
}

async function notifyApprover(
  tx: Tx,
  viewer: Viewer,
  plan: { id: string; approverId: string | null; status: string; purpose: string },
  accountName: string,
) {
  if (plan.status !== "SUBMITTED" || !plan.approverId) return;
  await notify(tx, {
    userId: plan.approverId,
    kind: "plan.submitted",
    entity: "VisitPlan",
    entityId: plan.id,
    actorId: viewer.id,
    payload: { accountName, actorName: viewer.name, purpose: plan.purpose },
  });
}

/**
 * Creates a plan owned by the viewer (a draft, or submitted). A retried submission with the same
 * `clientId` returns the plan the first one made: one row, one audit entry.
 */
export async function createPlan(viewer: Viewer, input: PlanInput & { clientId: string | null }) {
  const existing = async () => {
    if (!input.clientId) return null;
    const found = await db.visitPlan.findUnique({ where: { clientId: input.clientId } });
    if (found && found.ownerId !== viewer.id) throw notFound("plan");
    return found;
  };
  const { row } = await oncePerClientId(existing, () =>
    mutate(viewer, async ({ tx, audit }) => {
      const account = await scopedAccount(tx, viewer, input.accountId);
      await assertContactsOfAccount(tx, account.id, input.contactIds, "contactIds");
      await assertCompanions(tx, viewer, input.companionIds);
      await assertDeal(tx, viewer, account.id, input.dealId);
      // Administrators belong to no team: their plan is filed with the account's team.
      const teamId = viewer.teamId ?? account.teamId;
      const fields = fieldsOf(input);
      const settings = await getVisitSettings(tx);
      const status =
        input.intent === "submit"
          ? await submission(tx, { ownerId: viewer.id, teamId, ...fields }, account.tier, settings)
          : {};
      const plan = await tx.visitPlan.create({
        data: {
          clientId: input.clientId,
          accountId: account.id,
          ownerId: viewer.id,
          teamId,
          ...fields,
          ...status,
        },
      });
      await audit({ action: "visitPlan.create", entity: "VisitPlan", entityId: plan.id, after: plan });
      await notifyApprover(tx, viewer, plan, account.name);
      return plan;
    }),
  );
  return row;
}

/** A plan for a change: NOT_FOUND outside scope, FORBIDDEN if the viewer may not change it. */
async function planForChange(tx: Tx, viewer: Viewer, id: string, opts: { deleted?: boolean } = {}) {
  const plan = await tx.visitPlan.findFirst({
    where: { id, deletedAt: opts.deleted ? { not: null } : null, ...approvalScope(viewer) },
    include: { account: { select: { name: true, tier: true } } },
  });
  if (!plan) throw notFound("plan");
  if (!canDo(viewer, "edit", plan)) throw forbidden();
  const { account, ...row } = plan;
  return { plan: row, account };
}

const stateError = () => new AppError("CONFLICT", "the plan's status does not allow this");

export async function updatePlan(viewer: Viewer, input: PlanInput & { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { plan: before } = await planForChange(tx, viewer, input.id);
    if (!canPlan("edit", before.status)) throw stateError();
    // The account stays: a plan for another account is another plan.
    if (input.accountId !== before.accountId) throw fieldError("accountId", "accountFixed");
    const account = await scopedAccount(tx, viewer, before.accountId);
    await assertContactsOfAccount(tx, account.id, input.contactIds, "contactIds");
    await assertCompanions(tx, viewer, input.companionIds);
    await assertDeal(tx, viewer, account.id, input.dealId);
    const fields = fieldsOf(input);
    const status =
      input.intent === "submit"
        ? await submission(tx, { ...before, ...fields }, account.tier, await getVisitSettings(tx))
        : {};
    await updateVersioned(tx.visitPlan, {
      where: { id: before.id },
      version: input.version,
      data: { ...fields, ...status },
    });
    const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: input.intent === "submit" ? "visitPlan.submit" : "visitPlan.update",
      entity: "VisitPlan",
      entityId: before.id,
      before,
      after,
    });
    await notifyApprover(tx, viewer, after, account.name);
    return after;
  });
}

export async function submitPlan(viewer: Viewer, input: { id: string; version: number }) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { plan: before, account } = await planForChange(tx, viewer, input.id);
    if (!canPlan("submit", before.status)) throw stateError();
    const status = await submission(tx, before, account.tier, await getVisitSettings(tx));
    await updateVersioned(tx.visitPlan, { where: { id: before.id }, version: input.version, data: status });
    const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: before.id } });
    await audit({ action: "visitPlan.submit", entity: "VisitPlan", entityId: before.id, before, after });
    await notifyApprover(tx, viewer, after, account.name);
    return after;
  });
}

/** Moves an approved plan to a new time; it stays approved and the audit trail keeps the old time. */
export async function reschedulePlan(
  viewer: Viewer,
  input: { id: string; version: number; plannedStart: Date; plannedEnd: Date },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { plan: before } = await planForChange(tx, viewer, input.id);
    if (!canPlan("reschedule", before.status)) throw stateError();
    await updateVersioned(tx.visitPlan, {
      where: { id: before.id },
      version: input.version,
      data: { plannedStart: input.plannedStart, plannedEnd: input.plannedEnd },
    });
    const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: "visitPlan.reschedule",
      entity: "VisitPlan",
      entityId: before.id,
      before: { plannedStart: before.plannedStart, plannedEnd: before.plannedEnd },
      after: { plannedStart: after.plannedStart, plannedEnd: after.plannedEnd },
    });
    return after;
  });
}

async function simpleChange(
  viewer: Viewer,
  input: { id: string; version: number },
  change: { action: "cancel" | "delete" | "restore"; data: Prisma.VisitPlanUpdateManyMutationInput },
) {
  return mutate(viewer, async ({ tx, audit }) => {
    const { plan: before } = await planForChange(tx, viewer, input.id, {
      deleted: change.action === "restore",
    });
    if (change.action !== "restore" && !canPlan(change.action, before.status)) throw stateError();
    await updateVersioned(tx.visitPlan, {
      where: { id: before.id },
      version: input.version,
      data: change.data,
    });
    const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: `visitPlan.${change.action}`,
      entity: "VisitPlan",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

export const cancelPlan = (viewer: Viewer, input: { id: string; version: number }) =>
  simpleChange(viewer, input, { action: "cancel", data: { status: "CANCELLED" } });

export const deletePlan = (viewer: Viewer, input: { id: string; version: number }) =>
  simpleChange(viewer, input, { action: "delete", data: { deletedAt: new Date() } });

export const restorePlan = (viewer: Viewer, input: { id: string; version: number }) =>
  simpleChange(viewer, input, { action: "restore", data: { deletedAt: null } });
