import "server-only";
import { db } from "@/lib/db";
import { slaDueDates } from "@/lib/domain/complaints";
import { mutate } from "../audit";
import { refreshAccountHealth } from "../health/refresh";
import { notify } from "../notifications";
import { allocateNumber, slaPolicy } from "./shared";

// A low survey answer can open a complaint (the administrator's choice, decided by the surveys
// slice): channel SURVEY, the customer's own words from the answer, the account's owner as the
// first-responsibility owner. One complaint per response, even when two callers race: a
// transaction-scoped advisory lock on the response serialises them and the second finds the first.

const severityOf = (r: { csat: number | null; nps: number | null }) =>
  (r.nps !== null && r.nps <= 3) || (r.csat !== null && r.csat <= 1) ? "HIGH" : "MEDIUM";

export async function openComplaintFromSurvey(input: {
  surveyResponseId: string;
  now?: Date;
}): Promise<{ complaintId: string } | null> {
  const now = input.now ?? new Date();
  const already = await db.complaint.findFirst({
    where: { surveyResponseId: input.surveyResponseId },
    select: { id: true },
  });
  if (already) return { complaintId: already.id };
  if (!(await db.surveyResponse.count({ where: { id: input.surveyResponseId } }))) return null;
  const opened = await mutate(null, async ({ tx, audit }) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`keystone.complaint-survey:${input.surveyResponseId}`}))`;
    const existing = await tx.complaint.findFirst({
      where: { surveyResponseId: input.surveyResponseId },
      select: { id: true },
    });
    // A concurrent caller opened it while this one waited for the lock: nothing to write.
    if (existing) throw new AlreadyOpened(existing.id);
    const r = await tx.surveyResponse.findUnique({
      where: { id: input.surveyResponseId },
      select: {
        id: true,
        csat: true,
        nps: true,
        verbatim: true,
        invitation: { select: { contactId: true } },
        account: { select: { id: true, name: true, teamId: true, ownerId: true, deletedAt: true } },
      },
    });
    // Complaints are an account's: a distributor's low answer goes to its scorecard instead.
    if (!r?.account || r.account.deletedAt || !r.invitation.contactId) throw new AlreadyOpened(null);
    const account = r.account;
    const owner = await tx.user.findUnique({ where: { id: account.ownerId }, select: { teamId: true } });
    const severity = severityOf(r);
    const scores = [r.nps !== null ? `NPS ${r.nps}` : null, r.csat !== null ? `CSAT ${r.csat}` : null]
      .filter(Boolean)
      .join(" / ");
    const c = await tx.complaint.create({
      data: {
        number: await allocateNumber(tx, now),
        accountId: account.id,
        teamId: account.teamId,
        ownerId: account.ownerId,
        ownerTeamId: owner?.teamId ?? null,
        channel: "SURVEY",
        category: "SERVICE",
        severity,
        // Stored text is the customer's language; the page translates the labels around it.
        title: `满意度调研低分${scores ? `（${scores}）` : ""}`,
        customerWords: r.verbatim?.trim() || `（${scores || "低分"}）`,
        contactIds: [r.invitation.contactId],
        surveyResponseId: r.id,
        receivedAt: now,
        ...slaDueDates(now, await slaPolicy(tx, severity)),
      },
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: c.id,
        kind: "status",
        toStatus: "RECEIVED",
        payload: { surveyResponseId: r.id },
        createdAt: now,
      },
    });
    await notify(tx, {
      userId: c.ownerId,
      kind: "complaint.assigned",
      entity: "Complaint",
      entityId: c.id,
      actorId: null,
      payload: { accountName: account.name, complaintNumber: c.number, title: c.title },
    });
    await audit({ action: "complaint.fromSurvey", entity: "Complaint", entityId: c.id, after: c });
    return { complaintId: c.id, accountId: account.id };
  }).catch((e: unknown) => {
    if (e instanceof AlreadyOpened)
      return e.complaintId ? { complaintId: e.complaintId, accountId: null } : null;
    throw e;
  });
  if (!opened) return null;
  if (opened.accountId) await refreshAccountHealth([opened.accountId], now);
  return { complaintId: opened.complaintId };
}

/** Leaves the transaction without writing: the complaint exists already (or the account is gone). */
class AlreadyOpened extends Error {
  constructor(readonly complaintId: string | null) {
    super("already opened");
  }
}
