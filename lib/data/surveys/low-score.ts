import "server-only";
import { db } from "@/lib/db";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { isLowScore } from "@/lib/domain/satisfaction";
import { openComplaintFromSurvey } from "../complaints/from-survey";
import { refreshAccountHealth } from "../health/refresh";
import { writeAudit } from "../audit";
import { notify } from "../notifications";
import { getSatisfactionSettings } from "./settings";

/** Days the owner has to call back after a low score. */
export const LOW_SCORE_FOLLOW_UP_DAYS = 2;

/** "CSAT 2 · NPS 3": the scores as the follow-up and the notification show them. */
export const scoreSummary = (r: { csat: number | null; nps: number | null }) =>
  [r.csat != null ? `CSAT ${r.csat}` : null, r.nps != null ? `NPS ${r.nps}` : null]
    .filter(Boolean)
    .join(" · ");

// CONTRACT (owned by the surveys slice): called after an answer is saved (and after it is edited).
// A low score gives the account's owner a LOW_SCORE follow-up and, if the administrator chose so,
// opens a complaint; refreshes the account's health. Idempotent: the follow-up is unique per
// response and reason, the complaint per response.
export async function onSurveyAnswered(responseId: string, now = new Date()): Promise<void> {
  const response = await loadResponse(responseId);
  if (!response) return;
  const settings = await getSatisfactionSettings();
  const low = isLowScore(response, settings);
  // Most answers are not low and already flagged right: nothing to write but the health below.
  if (low || response.lowScore !== low) await recordLowScore(response, low, now);
  if (low && settings.lowScoreCreatesComplaint && !response.account.deletedAt)
    await openComplaintFromSurvey({ surveyResponseId: response.id, now });
  await refreshAccountHealth([response.accountId], now);
}

type AnsweredResponse = NonNullable<Awaited<ReturnType<typeof loadResponse>>>;

const loadResponse = (responseId: string) =>
  db.surveyResponse.findUnique({
    where: { id: responseId },
    include: { account: { select: { name: true, deletedAt: true } } },
  });

/** The low flag, and for a low score the owner's follow-up, notification and audit row (once). */
async function recordLowScore(response: AnsweredResponse, low: boolean, now: Date) {
  await db.$transaction(async (tx) => {
    if (response.lowScore !== low)
      await tx.surveyResponse.update({ where: { id: response.id }, data: { lowScore: low } });
    if (!low || response.account.deletedAt) return;
    const note = scoreSummary(response);
    const { count } = await tx.followUp.createMany({
      data: [
        {
          accountId: response.accountId,
          ownerId: response.ownerId,
          teamId: response.teamId,
          reason: "LOW_SCORE",
          surveyResponseId: response.id,
          note,
          dueOn: toDbDate(addDays(chinaDate(now), LOW_SCORE_FOLLOW_UP_DAYS)),
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await notify(tx, {
      userId: response.ownerId,
      kind: "survey.lowScore",
      entity: "Survey",
      entityId: response.surveyId,
      actorId: null,
      payload: { accountName: response.account.name, score: note },
    });
    await writeAudit(tx, null, {
      action: "survey.lowScore",
      entity: "SurveyResponse",
      entityId: response.id,
      after: {
        surveyId: response.surveyId,
        accountId: response.accountId,
        csat: response.csat,
        nps: response.nps,
      },
    });
  });
}
