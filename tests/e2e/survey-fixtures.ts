// The survey links the public-survey journey opens (survey-public.spec.ts): one per project and
// language, made by the e2e seed with fixed salts, so the spec derives each token with the e2e
// server's secret exactly as the sending screens would.
import { deriveSurveyToken } from "@/lib/auth/survey-token";
import type { Db } from "@/lib/db";
import { insertSurveyLink } from "../factories/surveys";

export const SURVEY_E2E_LINKS = [
  { project: "desktop", locale: "zh_CN", salt: "e2e-public-survey-desktop-zh" },
  { project: "desktop", locale: "en", salt: "e2e-public-survey-desktop-en" },
  { project: "phone", locale: "zh_CN", salt: "e2e-public-survey-phone-zh" },
  { project: "phone", locale: "en", salt: "e2e-public-survey-phone-en" },
] as const;

export const SURVEY_E2E_TITLE = {
  zh: "2026 年第四季度客户满意度调研",
  en: "Customer satisfaction survey, Q4 2026",
};

/** The token of a project's link in one language. */
export function surveyE2eToken(secret: string, project: string, locale: "zh_CN" | "en"): string {
  const link = SURVEY_E2E_LINKS.find((l) => l.project === project && l.locale === locale);
  if (!link) throw new Error(`no e2e survey link for ${project} ${locale}`);
  return deriveSurveyToken(secret, link.salt);
}

export async function seedSurveyLinksE2e(db: Db, secret: string): Promise<void> {
  for (const link of SURVEY_E2E_LINKS) {
    await insertSurveyLink(db, {
      ownerId: "usr_east_kam1",
      locale: link.locale,
      salt: link.salt,
      secret,
      title: SURVEY_E2E_TITLE,
    });
  }
}
