import "server-only";
import { canHandleComplaint, type Viewer } from "@/lib/domain/access";
import { checkTransition, reopenedResolveDueAt, STAMP, type TransitionField } from "@/lib/domain/complaints";
import { AppError, forbidden } from "@/lib/errors";
import type { TransitionComplaintInput } from "@/lib/validation/complaints";
import { mutate } from "../audit";
import { refreshAccountHealth } from "../health/refresh";
import { notify, type NotificationKind } from "../notifications";
import { sendSurveyForTrigger } from "../surveys/triggers";
import { updateVersioned } from "../versioning";
import { complaintForChange, slaPolicy } from "./shared";

// One step of the status machine (受理 → 确认 → 调查 → 解决 → 客户确认 → 关闭, and 重新打开). The
// domain decides whether the step may start and what it needs; this writes it, its event, the
// notifications, and after the commit refreshes the account's health and, on closing, asks the
// surveys slice to send the satisfaction survey.

const FIELD_MESSAGE: Record<TransitionField, string> = {
  resolution: "complaints.errors.resolution",
  rootCause: "complaints.errors.rootCause",
  correctiveAction: "complaints.errors.correctiveAction",
  note: "complaints.errors.reopenReason",
};

export async function transitionComplaint(
  viewer: Viewer,
  input: TransitionComplaintInput,
  now = new Date(),
): Promise<{ id: string; status: string; surveyId: string | null }> {
  const done = await mutate(viewer, async ({ tx, audit }) => {
    const c = await complaintForChange(tx, viewer, input.id, {
      number: true,
      title: true,
      severity: true,
      contactIds: true,
      sendSurveyOnClose: true,
      reopenCount: true,
      account: { select: { name: true } },
    });
    if (!canHandleComplaint(viewer, c)) throw forbidden();
    const check = checkTransition(c.status, input.action, input);
    if (!check.ok && check.problem === "status")
      throw new AppError("CONFLICT", "the status does not allow this");
    if (!check.ok && check.problem === "missing")
      throw new AppError(
        "VALIDATION",
        undefined,
        Object.fromEntries(check.missing.map((f) => [f, [FIELD_MESSAGE[f]]])),
      );
    const to = check.ok ? check.to : c.status;
    const data: Record<string, unknown> = { status: to };
    const stamp = STAMP[input.action];
    if (stamp) data[stamp] = now;
    if (input.action === "resolve") data.resolution = input.resolution;
    if (input.action === "close") {
      data.rootCause = input.rootCause;
      data.correctiveAction = input.correctiveAction;
    }
    if (input.action === "reopen") {
      // The customer waits again: the resolve clock restarts and may breach (and escalate) anew.
      Object.assign(data, {
        reopenCount: c.reopenCount + 1,
        resolvedAt: null,
        confirmedAt: null,
        closedAt: null,
        resolveBreachedAt: null,
        resolveDueAt: reopenedResolveDueAt(now, await slaPolicy(tx, c.severity)),
      });
    }
    await updateVersioned(tx.complaint, {
      where: { id: c.id, deletedAt: null },
      version: input.version,
      data,
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: c.id,
        actorId: viewer.id,
        kind: input.action === "reopen" ? "reopen" : "status",
        fromStatus: c.status,
        toStatus: to,
        note: input.note ?? input.resolution ?? null,
        createdAt: now,
      },
    });
    const tell = async (kind: NotificationKind, userIds: (string | null)[]) => {
      for (const userId of new Set(userIds.filter((u): u is string => !!u && u !== viewer.id)))
        await notify(tx, {
          userId,
          kind,
          entity: "Complaint",
          entityId: c.id,
          actorId: viewer.id,
          payload: {
            actorName: viewer.name,
            accountName: c.account.name,
            complaintNumber: c.number,
            title: c.title,
          },
        });
    };
    if (input.action === "resolve") await tell("complaint.resolved", [c.ownerId]);
    if (input.action === "reopen") await tell("complaint.reopened", [c.ownerId, c.handlerId]);
    await audit({
      action: `complaint.${input.action}`,
      entity: "Complaint",
      entityId: c.id,
      before: { status: c.status },
      after: data,
    });
    return c;
  });
  await refreshAccountHealth([done.accountId], now);
  let surveyId: string | null = null;
  if (input.action === "close" && done.sendSurveyOnClose) {
    const sent = await sendSurveyForTrigger({
      trigger: "COMPLAINT_CLOSED",
      complaintId: done.id,
      accountId: done.accountId,
      contactIds: done.contactIds,
      actorId: viewer.id,
      now,
    });
    if (sent) {
      surveyId = sent.surveyId;
      await mutate(viewer, async ({ tx, audit }) => {
        await tx.complaintEvent.create({
          data: {
            complaintId: done.id,
            actorId: viewer.id,
            kind: "survey",
            payload: { surveyId: sent.surveyId },
            createdAt: now,
          },
        });
        await audit({
          action: "complaint.survey",
          entity: "Complaint",
          entityId: done.id,
          after: { surveyId: sent.surveyId },
        });
      });
    }
  }
  const status =
    input.action === "reopen"
      ? "INVESTIGATING"
      : (checkTransition(done.status, input.action, input) as { to: string }).to;
  return { id: done.id, status, surveyId };
}
