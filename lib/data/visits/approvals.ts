import "server-only";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { canPlan, canRequest, decidedStatus, resolveApprover } from "@/lib/domain/visit-approval";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { DecisionInput } from "@/lib/validation/visit-plans";
import { mutate } from "../audit";
import { markReadFor, notify } from "../notifications";
import { updateVersioned } from "../versioning";

// Approvals (审批) of visit plans and gift/reception requests: who is asked (fixed at submission),
// the approver's inbox, and the decision — approve, or return (退回) with a comment. Only the
// approver the record names, or an administrator, decides; someone who may see the record but is
// not its approver is refused (FORBIDDEN), someone who may not see it gets NOT_FOUND.

/**
 * Plans and requests the viewer may see: their scope (owner, teams), plus anything waiting for or
 * decided by them — an approver above the team (the director) may sit outside the team's scope.
 */
export function approvalScope(viewer: Viewer): {
  OR?: ({ ownerId: string } | { teamId: { in: string[] } } | { approverId: string })[];
} {
  if (viewer.visibleTeamIds === "all") return {};
  return {
    OR: [{ ownerId: viewer.id }, { teamId: { in: [...viewer.visibleTeamIds] } }, { approverId: viewer.id }],
  };
}

/** The approver for a submission by `ownerId` in `teamId` of `amount` fen (see resolveApprover). */
export async function findApprover(
  tx: Tx,
  input: { ownerId: string; teamId: string | null; amount: bigint | null; directorThreshold: bigint },
): Promise<string | null> {
  const teams = await tx.team.findMany({
    where: { deletedAt: null },
    select: { id: true, parentId: true, managerId: true, manager: { select: { active: true } } },
  });
  // An inactive manager cannot decide: their team is treated as having none.
  const nodes = teams.map((t) => ({
    id: t.id,
    parentId: t.parentId,
    managerId: t.manager?.active ? t.managerId : null,
  }));
  const found = resolveApprover({ ...input, teams: nodes });
  if (found) return found;
  // Nobody above: an administrator decides (the longest-serving one, so it is always the same).
  const admins = await tx.user.findMany({
    where: { active: true, id: { not: input.ownerId } },
    select: { id: true, role: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return admins.find((u) => hasCapability(u, "admin.visits"))?.id ?? null;
}

function assertDecider(viewer: Viewer, approverId: string | null) {
  if (approverId !== viewer.id && !hasCapability(viewer, "admin.visits")) throw forbidden();
}

export async function decidePlan(viewer: Viewer, input: DecisionInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.visitPlan.findFirst({
      where: { id: input.id, deletedAt: null, ...approvalScope(viewer) },
      include: { account: { select: { name: true } } },
    });
    if (!before) throw notFound("plan");
    assertDecider(viewer, before.approverId);
    // Already decided, withdrawn or edited since the page was opened.
    if (!canPlan("decide", before.status)) throw new AppError("CONFLICT");
    const status = decidedStatus(input.decision);
    await updateVersioned(tx.visitPlan, {
      where: { id: before.id },
      version: input.version,
      data: { status, decidedAt: new Date(), decisionComment: input.comment },
    });
    const { account, ...plan } = before;
    const after = await tx.visitPlan.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: input.decision === "approve" ? "visitPlan.approve" : "visitPlan.return",
      entity: "VisitPlan",
      entityId: before.id,
      before: plan,
      after,
    });
    await markReadFor(tx, viewer.id, "VisitPlan", before.id);
    await notify(tx, {
      userId: before.ownerId,
      kind: input.decision === "approve" ? "plan.approved" : "plan.returned",
      entity: "VisitPlan",
      entityId: before.id,
      actorId: viewer.id,
      payload: {
        accountName: account.name,
        actorName: viewer.name,
        purpose: before.purpose,
        comment: input.comment,
      },
    });
    return after;
  });
}

export async function decideRequest(viewer: Viewer, input: DecisionInput) {
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.visitRequest.findFirst({
      where: { id: input.id, deletedAt: null, ...approvalScope(viewer) },
      include: { account: { select: { name: true } } },
    });
    if (!before) throw notFound("request");
    assertDecider(viewer, before.approverId);
    if (!canRequest("decide", before.status)) throw new AppError("CONFLICT");
    const status = decidedStatus(input.decision);
    await updateVersioned(tx.visitRequest, {
      where: { id: before.id },
      version: input.version,
      data: { status, decidedAt: new Date(), decisionComment: input.comment },
    });
    const { account, ...request } = before;
    const after = await tx.visitRequest.findUniqueOrThrow({ where: { id: before.id } });
    await audit({
      action: input.decision === "approve" ? "visitRequest.approve" : "visitRequest.return",
      entity: "VisitRequest",
      entityId: before.id,
      before: request,
      after,
    });
    await markReadFor(tx, viewer.id, "VisitRequest", before.id);
    await notify(tx, {
      userId: before.ownerId,
      kind: input.decision === "approve" ? "request.approved" : "request.returned",
      entity: "VisitRequest",
      entityId: before.id,
      actorId: viewer.id,
      payload: {
        accountName: account.name,
        actorName: viewer.name,
        requestKind: before.kind,
        comment: input.comment,
      },
    });
    return after;
  });
}

// ── The inbox ─────────────────────────────────────────────────────────────────────────────────

const waiting = (viewer: Viewer) => ({
  approverId: viewer.id,
  deletedAt: null,
  status: "SUBMITTED" as const,
});

/** How many plans and requests wait for the viewer's decision (two indexed counts). */
export async function pendingApprovalCount(viewer: Viewer): Promise<number> {
  if (!hasCapability(viewer, "visits.approve")) return 0;
  const [plans, requests] = await Promise.all([
    db.visitPlan.count({ where: waiting(viewer) }),
    db.visitRequest.count({ where: waiting(viewer) }),
  ]);
  return plans + requests;
}

/** The approver's inbox: plans and requests waiting for them, oldest submission first. */
export async function listPendingApprovals(viewer: Viewer) {
  if (!hasCapability(viewer, "visits.approve")) return { plans: [], requests: [] };
  const [plans, requests] = await Promise.all([
    db.visitPlan.findMany({
      where: waiting(viewer),
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true,
        version: true,
        purpose: true,
        method: true,
        plannedStart: true,
        plannedEnd: true,
        expectedCost: true,
        submittedAt: true,
        account: { select: { id: true, name: true, tier: true } },
        owner: { select: { id: true, name: true } },
      },
    }),
    db.visitRequest.findMany({
      where: waiting(viewer),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true,
        version: true,
        kind: true,
        amount: true,
        reason: true,
        giftItems: true,
        delegation: true,
        headcount: true,
        createdAt: true,
        account: { select: { id: true, name: true, tier: true } },
        owner: { select: { id: true, name: true } },
        recipientContact: { select: { name: true } },
        plan: { select: { id: true, purpose: true } },
      },
    }),
  ]);
  return { plans, requests };
}

export type PendingApprovals = Awaited<ReturnType<typeof listPendingApprovals>>;
