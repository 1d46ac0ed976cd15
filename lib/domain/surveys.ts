// Questionnaires (满意度调研问卷): the question model every template version stores, and the rules
// an answer must meet. Shared by the template editor, the public survey page and the results.
import { cleanText, textProblem } from "./text";

export const QUESTION_TYPES = ["CSAT", "NPS", "SINGLE", "MULTIPLE", "SCALE", "TEXT"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type QuestionOption = { key: string; labelZh: string; labelEn: string };

export type SurveyQuestion = {
  /** Stable within a template version: "q1", "nps", … (answers are keyed by it). */
  key: string;
  type: QuestionType;
  required: boolean;
  labelZh: string;
  labelEn: string;
  /** SINGLE and MULTIPLE: 2–10 options. */
  options?: QuestionOption[];
  /** SCALE: the range (e.g. 1–10); CSAT is always 1–5 and NPS 0–10. */
  min?: number;
  max?: number;
};

/** One answer per question key: a number (CSAT, NPS, SCALE), an option key, option keys, or text. */
export type SurveyAnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

export const MAX_TEXT_ANSWER = 2000;
export const MAX_QUESTIONS = 30;

export function rangeOf(
  q: Pick<SurveyQuestion, "type" | "min" | "max">,
): { min: number; max: number } | null {
  if (q.type === "CSAT") return { min: 1, max: 5 };
  if (q.type === "NPS") return { min: 0, max: 10 };
  if (q.type === "SCALE") return { min: q.min ?? 1, max: q.max ?? 5 };
  return null;
}

/** Why an answer to one question is refused (a message key under "surveyPublic.errors."), or null. */
export type AnswerProblem = "required" | "invalid" | "tooLong";

/**
 * Checks raw answers (as parsed from a form: strings and string arrays) against the questions and
 * returns the clean answers or a problem per question key. Unknown keys are dropped.
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  raw: Record<string, string | string[] | undefined>,
): { ok: true; answers: SurveyAnswers } | { ok: false; problems: Record<string, AnswerProblem> } {
  const answers: SurveyAnswers = {};
  const problems: Record<string, AnswerProblem> = {};
  for (const q of questions) {
    const value = raw[q.key];
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .map((v) => (typeof v === "string" ? cleanText(v) : ""))
      .filter((v) => v !== "");
    if (!values.length) {
      if (q.required) problems[q.key] = "required";
      continue;
    }
    const range = rangeOf(q);
    if (range) {
      const [v] = values;
      if (values.length !== 1 || !/^\d{1,2}$/.test(v!)) problems[q.key] = "invalid";
      else {
        const n = Number(v);
        if (n < range.min || n > range.max) problems[q.key] = "invalid";
        else answers[q.key] = n;
      }
    } else if (q.type === "SINGLE" || q.type === "MULTIPLE") {
      const keys = new Set((q.options ?? []).map((o) => o.key));
      const unique = [...new Set(values)];
      if (unique.some((v) => !keys.has(v)) || (q.type === "SINGLE" && unique.length !== 1))
        problems[q.key] = "invalid";
      else answers[q.key] = q.type === "SINGLE" ? unique[0]! : unique;
    } else {
      const text = values.join("\n");
      if (textProblem(text)) problems[q.key] = "invalid";
      else if (text.length > MAX_TEXT_ANSWER) problems[q.key] = "tooLong";
      else answers[q.key] = text;
    }
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, answers };
}

/** The figures a response carries in its own columns: the first CSAT and NPS answers, the text. */
export function scoresOf(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): { csat: number | null; nps: number | null; verbatim: string | null } {
  const first = (type: QuestionType) => {
    const q = questions.find((x) => x.type === type && typeof answers[x.key] === "number");
    return q ? (answers[q.key] as number) : null;
  };
  const texts = questions
    .filter((q) => q.type === "TEXT" && typeof answers[q.key] === "string")
    .map((q) => answers[q.key] as string);
  return { csat: first("CSAT"), nps: first("NPS"), verbatim: texts.length ? texts.join("\n\n") : null };
}

/** The question's label in the respondent's language. */
export const labelIn = (item: { labelZh: string; labelEn: string }, locale: "en" | "zh-CN") =>
  locale === "en" ? item.labelEn : item.labelZh;
