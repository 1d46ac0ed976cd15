import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { followUpDueOn, followUpsCompletedBy, followUpState } from "@/lib/domain/visit-records";

// 回访: saving a record creates the visitor's follow-up, due after the admin's days; the next call or
// visit to the account (by anyone) completes the open ones. Both happen in the record's transaction.

/** Completes the open follow-ups on the record's account that its visit answers; returns their ids. */
export async function completeFollowUps(
  tx: Tx,
  record: { id: string; accountId: string; visitedAt: Date },
  now = new Date(),
): Promise<string[]> {
  const open = await tx.followUp.findMany({
    // A service item's task is done by recording its delivery, not by any visit.
    where: {
      accountId: record.accountId,
      completedAt: null,
      deletedAt: null,
      reason: { in: ["VISIT", "LOW_SCORE"] },
    },
    select: {
      id: true,
      accountId: true,
      completedAt: true,
      createdAt: true,
      sourceRecord: { select: { visitedAt: true } },
    },
  });
  // A low-score task is answered by a contact after the score arrived.
  const ids = followUpsCompletedBy(
    record,
    open.map((f) => ({ ...f, sourceVisitedAt: f.sourceRecord?.visitedAt ?? f.createdAt })),
  );
  if (ids.length) {
    await tx.followUp.updateMany({
      where: { id: { in: ids }, completedAt: null },
      data: { completedAt: now, completedByRecordId: record.id, version: { increment: 1 } },
    });
  }
  return ids;
}

/** The follow-up a new record sets for its visitor. */
export async function createFollowUp(
  tx: Tx,
  record: { id: string; accountId: string; ownerId: string; teamId: string; visitedAt: Date },
  followUpDays: number,
) {
  return tx.followUp.create({
    data: {
      accountId: record.accountId,
      ownerId: record.ownerId,
      teamId: record.teamId,
      sourceRecordId: record.id,
      dueOn: toDbDate(followUpDueOn(record.visitedAt, followUpDays)),
    },
  });
}

/** A record's visit moved: its still-open follow-up moves with it. */
export async function moveFollowUp(tx: Tx, recordId: string, visitedAt: Date, followUpDays: number) {
  await tx.followUp.updateMany({
    where: { sourceRecordId: recordId, completedAt: null },
    data: { dueOn: toDbDate(followUpDueOn(visitedAt, followUpDays)), version: { increment: 1 } },
  });
}

/** A record deleted or restored: its open follow-up goes or comes back with it. */
export async function setFollowUpsDeleted(tx: Tx, recordId: string, deletedAt: Date | null) {
  await tx.followUp.updateMany({
    where: { sourceRecordId: recordId, completedAt: null, deletedAt: deletedAt ? null : { not: null } },
    data: { deletedAt, version: { increment: 1 } },
  });
}

export type FollowUpRow = Awaited<ReturnType<typeof listMyFollowUps>>["rows"][number];

/**
 * The person's open follow-ups, soonest due first (overdue ones lead), with the account to visit.
 * A range scan of (ownerId, completedAt, dueOn).
 */
export async function listMyFollowUps(viewer: Viewer, opts: { take?: number; now?: Date } = {}) {
  const today = chinaDate(opts.now ?? new Date());
  const where = { ownerId: viewer.id, completedAt: null, deletedAt: null, account: { deletedAt: null } };
  const [rows, total] = await Promise.all([
    db.followUp.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: opts.take ?? 10,
      select: {
        id: true,
        dueOn: true,
        completedAt: true,
        sourceRecordId: true,
        reason: true,
        note: true,
        surveyResponseId: true,
        account: { select: { id: true, name: true } },
      },
    }),
    db.followUp.count({ where }),
  ]);
  // A low-score follow-up links to its survey (the response has no relation from FollowUp).
  const responseIds = rows.flatMap((r) => (r.surveyResponseId ? [r.surveyResponseId] : []));
  const surveyOf = new Map(
    responseIds.length
      ? (
          await db.surveyResponse.findMany({
            where: { id: { in: responseIds } },
            select: { id: true, surveyId: true },
          })
        ).map((r) => [r.id, r.surveyId])
      : [],
  );
  return {
    total,
    rows: rows.map((r) => {
      const dueOn = fromDbDate(r.dueOn);
      const surveyId = r.surveyResponseId ? (surveyOf.get(r.surveyResponseId) ?? null) : null;
      return { ...r, dueOn, surveyId, state: followUpState({ dueOn, completedAt: r.completedAt }, today) };
    }),
  };
}
