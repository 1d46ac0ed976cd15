import "server-only";
import { hashSurveyToken } from "@/lib/auth/survey-token";
import { Prisma } from "@/lib/db";
import { isLowScore } from "@/lib/domain/satisfaction";
import { linkState, SURVEY_RATE_RULES } from "@/lib/domain/survey-public";
import { checkAnswers, scoresOf, type AnswerProblem } from "@/lib/domain/surveys";
import { mutate } from "../audit";
import { takeRateLimits } from "../rate-limits";
import { findSurveyLink, questionsOf } from "./link";
import { getSatisfactionSettings } from "./settings";
import { onSurveyAnswered } from "./low-score";

// A contact's answer through their personal link (no sign-in: the token is the credential). One
// answer per link — answering again edits it (version + 1) until the survey closes. Rate limited
// per client address and per token before anything is read, so guessing tokens costs the guesser.

export type SubmitOutcome =
  | { kind: "saved"; responseId: string; version: number; edited: boolean }
  | { kind: "invalid"; problems: Record<string, AnswerProblem> }
  /** Answered, and the survey has closed since: the answer stands, read-only. */
  | { kind: "closed" }
  /** Unknown, malformed, revoked or expired: indistinguishable on purpose. */
  | { kind: "gone" }
  | { kind: "rateLimited"; retryAfterSeconds: number };

export async function submitSurveyAnswer({
  token,
  raw,
  ip,
  now = new Date(),
  afterResponse,
}: {
  token: string;
  raw: Record<string, string | string[] | undefined>;
  ip: string;
  now?: Date;
  /**
   * Runs the work that follows a saved answer (low-score follow-up, complaint, health) once the
   * contact has their reply — the route passes Next's `after()`. Without it the work is awaited here.
   */
  afterResponse?: (task: () => Promise<void>) => void;
}): Promise<SubmitOutcome> {
  const [byAddress, byToken] = await takeRateLimits(
    [
      { rule: SURVEY_RATE_RULES.submitPerAddress, subject: ip },
      // Keyed by the hash, so the table never holds a working token.
      { rule: SURVEY_RATE_RULES.submitPerToken, subject: hashSurveyToken(token.slice(0, 200)) },
    ],
    now,
  );
  if (!byAddress!.allowed || !byToken!.allowed) {
    return {
      kind: "rateLimited",
      retryAfterSeconds: Math.max(
        byAddress!.allowed ? 0 : byAddress!.retryAfterSeconds,
        byToken!.allowed ? 0 : byToken!.retryAfterSeconds,
      ),
    };
  }

  const [link, settings] = await Promise.all([findSurveyLink(token), getSatisfactionSettings()]);
  if (!link) return { kind: "gone" };
  const state = linkState({ ...link, answered: !!link.response }, now);
  if (state !== "open") return { kind: state };

  const questions = questionsOf(link);
  const checked = checkAnswers(questions, raw);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const scores = scoresOf(questions, checked.answers);
  const lowScore = isLowScore(scores, settings);
  const answers = checked.answers as Prisma.InputJsonObject;

  const saved = await mutate(null, async ({ tx, audit }) => {
    // The answer as read with the link a moment ago (the audit's "before"; a race on one link
    // still makes one row, through the upsert).
    const before = link.response ? { ...link.response, id: undefined } : null;
    // An upsert on the unique invitationId: two submissions racing on one link make one row.
    const row = await tx.surveyResponse.upsert({
      where: { invitationId: link.id },
      create: {
        invitationId: link.id,
        surveyId: link.survey.id,
        accountId: link.accountId,
        distributorId: link.distributorId,
        teamId: link.survey.teamId,
        ownerId: link.survey.ownerId,
        answers,
        ...scores,
        lowScore,
        submittedAt: now,
      },
      update: { answers, ...scores, lowScore, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    if (!link.respondedAt || !link.openedAt) {
      await tx.surveyInvitation.update({
        where: { id: link.id },
        data: { respondedAt: link.respondedAt ?? now, openedAt: link.openedAt ?? now },
        select: { id: true },
      });
    }
    await audit({
      action: "survey.answer",
      entity: "SurveyResponse",
      entityId: row.id,
      before,
      after: { answers, ...scores, lowScore, version: row.version },
    });
    return { responseId: row.id, version: row.version, edited: before !== null };
  });

  // After the commit: follow-ups, complaints and health are the surveys slice's, in their own
  // transactions. The contact's answer is saved whatever happens there, so a failure is logged, not
  // shown — and the contact does not wait for it.
  const followOn = async () => {
    try {
      await onSurveyAnswered(saved.responseId, now);
    } catch (error) {
      console.error("[survey answer] onSurveyAnswered failed", error);
    }
  };
  if (afterResponse) afterResponse(followOn);
  else await followOn();
  return { kind: "saved", ...saved };
}
