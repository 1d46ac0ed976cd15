import "server-only";
import { db } from "@/lib/db";
import { linkState, SURVEY_RATE_RULES } from "@/lib/domain/survey-public";
import { labelIn, rangeOf, type QuestionType, type SurveyAnswers } from "@/lib/domain/surveys";
import { takeRateLimit } from "../rate-limits";
import { findSurveyLink, questionsOf } from "./link";
import { getSatisfactionSettings } from "./settings";

// What the public survey page may show a contact: our company's name, the survey's title, intro
// and questions in the link's language, and their own earlier answer. Nothing internal — no ids,
// no account, owner or team — leaves this file.

export type PublicQuestion = {
  key: string;
  type: QuestionType;
  required: boolean;
  label: string;
  options: { key: string; label: string }[];
  min: number | null;
  max: number | null;
};

export type PublicSurvey = {
  locale: "en" | "zh-CN";
  company: string;
  title: string;
  intro: string | null;
  questions: PublicQuestion[];
  /** "open": may answer or edit; "closed": answered, shown read-only. */
  state: "open" | "closed";
  answers: SurveyAnswers | null;
};

/** Counts a page view against the client address's allowance. */
export const takeSurveyViewAllowance = (ip: string, now: Date) =>
  takeRateLimit(SURVEY_RATE_RULES.viewPerAddress, ip, now);

/** The survey behind a token, or null for every kind of link that cannot be used (alike). */
export async function loadPublicSurvey(token: string, now: Date): Promise<PublicSurvey | null> {
  const [link, settings] = await Promise.all([findSurveyLink(token), getSatisfactionSettings()]);
  if (!link) return null;
  const state = linkState({ ...link, answered: !!link.response }, now);
  if (state === "gone") return null;
  if (!link.openedAt) {
    // First view only; a concurrent first view keeps whichever came first.
    await db.surveyInvitation.updateMany({
      where: { id: link.id, openedAt: null },
      data: { openedAt: now },
    });
  }
  const locale = link.locale === "en" ? "en" : "zh-CN";
  const version = link.survey.templateVersion;
  return {
    locale,
    company: locale === "en" ? settings.companyName : settings.companyNameZh,
    title: locale === "en" ? version.titleEn : version.titleZh,
    intro: (locale === "en" ? version.introEn : version.introZh) || null,
    questions: questionsOf(link).map((q) => {
      const range = rangeOf(q);
      return {
        key: q.key,
        type: q.type,
        required: q.required,
        label: labelIn(q, locale),
        options: (q.options ?? []).map((o) => ({ key: o.key, label: labelIn(o, locale) })),
        min: range?.min ?? null,
        max: range?.max ?? null,
      };
    }),
    state,
    answers: (link.response?.answers as SurveyAnswers | undefined) ?? null,
  };
}
