import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { COMPLAINT_SEVERITIES, checkSlaPolicy } from "@/lib/domain/complaints";
import { AppError, forbidden, notFound, staleVersion } from "@/lib/errors";
import type { ComplaintSlaInput } from "@/lib/validation/complaints";
import { mutate } from "../audit";

// The SLA per severity (time to acknowledge, time to resolve): the administrator's setting. New
// complaints take the policy of the moment they are received; open ones keep their due dates.

export async function listComplaintSla(viewer: Viewer) {
  if (!hasCapability(viewer, "admin.satisfaction")) throw forbidden();
  const rows = await db.complaintSla.findMany();
  const bySeverity = new Map(rows.map((r) => [r.severity, r]));
  return COMPLAINT_SEVERITIES.flatMap((s) => {
    const r = bySeverity.get(s);
    return r ? [r] : [];
  });
}

export async function updateComplaintSla(viewer: Viewer, input: ComplaintSlaInput) {
  if (!hasCapability(viewer, "admin.satisfaction")) throw forbidden();
  const check = checkSlaPolicy(input);
  if (check !== "ok")
    throw new AppError("VALIDATION", undefined, {
      [check === "order" ? "resolveValue" : "ackValue"]: [
        check === "order" ? "complaints.sla.order" : "complaints.sla.tooLong",
      ],
    });
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.complaintSla.findUnique({ where: { severity: input.severity } });
    if (!before) throw notFound("sla");
    const data = { ackMinutes: input.ackMinutes, resolveMinutes: input.resolveMinutes };
    const { count } = await tx.complaintSla.updateMany({
      where: { severity: input.severity, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion();
    await audit({
      action: "complaintSla.update",
      entity: "ComplaintSla",
      entityId: input.severity,
      before,
      after: data,
    });
  });
}
