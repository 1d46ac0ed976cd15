import "server-only";
import { db, type Tx } from "@/lib/db";
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
// response and reason, the complaint per response. A distributor's answer instead tells its
// channel manager when it turns low (the scorecard takes the figures; accounts' tasks don't apply).
export async function onSurveyAnswered(responseId: string, now = new Date()): Promise<void> {
  const loaded = await loadResponse(responseId);
  if (!loaded) return;
  const settings = await getSatisfactionSettings();
  const low = isLowScore(loaded, settings);
  const { account, distributor, ...rest } = loaded;
  if (!account) {
    if (distributor && (low || loaded.lowScore !== low))
      await recordDistributorLowScore({ ...rest, distributor }, low);
    return;
  }
  const response = { ...rest, account, accountId: account.id };
  // Most answers are not low and already flagged right: nothing to write but the health below.
  if (low || response.lowScore !== low) await recordLowScore(response, low, now);
  if (low && settings.lowScoreCreatesComplaint && !account.deletedAt)
    await openComplaintFromSurvey({ surveyResponseId: response.id, now });
  await refreshAccountHealth([account.id], now);
}

const loadResponse = (responseId: string) =>
  db.surveyResponse
    .findUnique({
      where: { id: responseId },
      include: {
        account: { select: { id: true, name: true, deletedAt: true } },
        survey: { select: { distributor: { select: { id: true, name: true } } } },
      },
    })
    .then((r) => (r ? { ...r, distributor: r.survey.distributor } : null));

type Loaded = NonNullable<Awaited<ReturnType<typeof loadResponse>>>;
type AnsweredResponse = Omit<Loaded, "account" | "distributor"> & {
  accountId: string;
  account: { name: string; deletedAt: Date | null };
};

/**
 * A distributor's answer: the low flag, and for a low score the channel manager's notification and
 * the audit row — once per answer (the audit row is the mark; the lock keeps two edits from racing).
 */
async function recordDistributorLowScore(
  response: Omit<Loaded, "account" | "distributor"> & { distributor: { id: string; name: string } },
  low: boolean,
) {
  await db.$transaction(async (tx) => {
    if (response.lowScore !== low)
      await tx.surveyResponse.update({ where: { id: response.id }, data: { lowScore: low } });
    if (!low) return;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`keystone.survey-low:${response.id}`}))`;
    const told = await tx.auditLog.count({
      where: { entity: "SurveyResponse", entityId: response.id, action: "survey.lowScore" },
    });
    if (told) return;
    await tellOwner(tx, response, response.distributor.name, { distributorId: response.distributor.id });
  });
}

type Scored = { id: string; surveyId: string; ownerId: string; csat: number | null; nps: number | null };

/** The owner's bell ("Low survey score from {party}") and the audit row of a low answer. */
async function tellOwner(tx: Tx, response: Scored, partyName: string, party: Record<string, string>) {
  await notify(tx, {
    userId: response.ownerId,
    kind: "survey.lowScore",
    entity: "Survey",
    entityId: response.surveyId,
    actorId: null,
    // `accountName` is the party's name, an account's or a distributor's.
    payload: { accountName: partyName, score: scoreSummary(response) },
  });
  await writeAudit(tx, null, {
    action: "survey.lowScore",
    entity: "SurveyResponse",
    entityId: response.id,
    after: { surveyId: response.surveyId, ...party, csat: response.csat, nps: response.nps },
  });
}

/** The low flag, and for a low score the owner's follow-up, notification and audit row (once). */
async function recordLowScore(response: AnsweredResponse, low: boolean, now: Date) {
  await db.$transaction(async (tx) => {
    if (response.lowScore !== low)
      await tx.surveyResponse.update({ where: { id: response.id }, data: { lowScore: low } });
    if (!low || response.account.deletedAt) return;
    const { count } = await tx.followUp.createMany({
      data: [
        {
          accountId: response.accountId,
          ownerId: response.ownerId,
          teamId: response.teamId,
          reason: "LOW_SCORE",
          surveyResponseId: response.id,
          note: scoreSummary(response),
          dueOn: toDbDate(addDays(chinaDate(now), LOW_SCORE_FOLLOW_UP_DAYS)),
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await tellOwner(tx, response, response.account.name, { accountId: response.accountId });
  });
}
