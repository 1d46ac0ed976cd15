import "server-only";
import { hashSurveyToken, SURVEY_TOKEN } from "@/lib/auth/survey-token";
import { db } from "@/lib/db";
import type { SurveyQuestion } from "@/lib/domain/surveys";

// Finding a survey link (满意度调研链接) by its token: the one query the public page and the
// submission share. A token that does not have the right shape is not looked up at all.

const LINK_SELECT = {
  id: true,
  accountId: true,
  distributorId: true,
  locale: true,
  expiresAt: true,
  revokedAt: true,
  openedAt: true,
  respondedAt: true,
  survey: {
    select: {
      id: true,
      status: true,
      closesAt: true,
      deletedAt: true,
      teamId: true,
      ownerId: true,
      templateVersion: {
        select: { titleZh: true, titleEn: true, introZh: true, introEn: true, questions: true },
      },
    },
  },
  response: {
    select: { id: true, answers: true, csat: true, nps: true, verbatim: true, lowScore: true, version: true },
  },
} as const;

export async function findSurveyLink(token: string) {
  if (!SURVEY_TOKEN.test(token)) return null;
  return db.surveyInvitation.findUnique({
    where: { tokenHash: hashSurveyToken(token) },
    select: LINK_SELECT,
  });
}

export type SurveyLink = NonNullable<Awaited<ReturnType<typeof findSurveyLink>>>;

/** The questions a template version stores (written by the template editor; checked again here). */
export function questionsOf(link: SurveyLink): SurveyQuestion[] {
  const stored = link.survey.templateVersion.questions;
  return Array.isArray(stored) ? (stored as unknown as SurveyQuestion[]) : [];
}
