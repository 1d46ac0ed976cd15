// The rules a questionnaire (问卷模板) must meet before it can be saved as a new version: stable,
// unique question keys, labels in both languages, 2–10 options per choice question, sane scale
// bounds, at most 30 questions. Pure, so the editor, the seed and the tests share one definition.
import { textProblem } from "./text";
import { MAX_QUESTIONS, QUESTION_TYPES, type QuestionType, type SurveyQuestion } from "./surveys";

export const MAX_LABEL = 300;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
/** A SCALE question's bounds: 0–10 at most (a phone shows one button per value). */
export const SCALE_BOUNDS = { min: 0, max: 10 } as const;
export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,29}$/;

/** What is wrong with a template, keyed by a path a form can show it beside. */
export type TemplateProblem =
  | "noQuestions"
  | "tooManyQuestions"
  | "duplicateKey"
  | "badKey"
  | "badType"
  | "labelRequired"
  | "labelTooLong"
  | "tooFewOptions"
  | "tooManyOptions"
  | "duplicateOption"
  | "badScale"
  | "unexpectedOptions";

export type TemplateDraft = {
  titleZh: string;
  titleEn: string;
  questions: readonly SurveyQuestion[];
};

function labelProblem(text: string | undefined): TemplateProblem | null {
  const value = (text ?? "").trim();
  if (!value || textProblem(value)) return "labelRequired";
  return value.length > MAX_LABEL ? "labelTooLong" : null;
}

/** Every problem of a draft, keyed "titleZh", "questions", "questions.2.labelEn", "questions.2.options.1"… */
export function checkTemplate(draft: TemplateDraft): Record<string, TemplateProblem> {
  const problems: Record<string, TemplateProblem> = {};
  for (const field of ["titleZh", "titleEn"] as const) {
    const p = labelProblem(draft[field]);
    if (p) problems[field] = p;
  }
  const { questions } = draft;
  if (!questions.length) problems.questions = "noQuestions";
  if (questions.length > MAX_QUESTIONS) problems.questions = "tooManyQuestions";
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!QUESTION_KEY.test(q.key)) problems[`${at}.key`] = "badKey";
    else if (seen.has(q.key)) problems[`${at}.key`] = "duplicateKey";
    seen.add(q.key);
    if (!(QUESTION_TYPES as readonly string[]).includes(q.type)) {
      problems[`${at}.type`] = "badType";
      return;
    }
    for (const field of ["labelZh", "labelEn"] as const) {
      const p = labelProblem(q[field]);
      if (p) problems[`${at}.${field}`] = p;
    }
    const choice = q.type === "SINGLE" || q.type === "MULTIPLE";
    const options = q.options ?? [];
    if (choice) {
      if (options.length < MIN_OPTIONS) problems[`${at}.options`] = "tooFewOptions";
      if (options.length > MAX_OPTIONS) problems[`${at}.options`] = "tooManyOptions";
      const keys = new Set<string>();
      options.forEach((o, j) => {
        const p = labelProblem(o.labelZh) ?? labelProblem(o.labelEn);
        if (p) problems[`${at}.options.${j}`] = p;
        else if (!QUESTION_KEY.test(o.key) || keys.has(o.key))
          problems[`${at}.options.${j}`] = "duplicateOption";
        keys.add(o.key);
      });
    } else if (options.length) problems[`${at}.options`] = "unexpectedOptions";
    if (q.type === "SCALE") {
      const { min, max } = q;
      const whole = (n: unknown) => typeof n === "number" && Number.isInteger(n);
      if (!whole(min) || !whole(max) || min! < SCALE_BOUNDS.min || max! > SCALE_BOUNDS.max || max! - min! < 1)
        problems[`${at}.scale`] = "badScale";
    }
  });
  return problems;
}

/** The stored form of a question: only the fields its type uses, labels trimmed. */
export function normaliseQuestion(q: SurveyQuestion): SurveyQuestion {
  const base = {
    key: q.key,
    type: q.type,
    required: q.required,
    labelZh: q.labelZh.trim(),
    labelEn: q.labelEn.trim(),
  };
  if (q.type === "SINGLE" || q.type === "MULTIPLE")
    return {
      ...base,
      options: (q.options ?? []).map((o) => ({
        key: o.key,
        labelZh: o.labelZh.trim(),
        labelEn: o.labelEn.trim(),
      })),
    };
  if (q.type === "SCALE") return { ...base, min: q.min, max: q.max };
  return base;
}

/** A template's kind from its questions: CSAT or NPS when it asks only that score, else CUSTOM. */
export function templateKindOf(
  questions: readonly Pick<SurveyQuestion, "type">[],
): "CSAT" | "NPS" | "CUSTOM" {
  const scored = questions.filter((q) => q.type !== "TEXT").map((q) => q.type);
  if (scored.length === 1 && scored[0] === "CSAT") return "CSAT";
  if (scored.length === 1 && scored[0] === "NPS") return "NPS";
  return "CUSTOM";
}

/** JSON with object keys sorted: a stored (jsonb) version reorders keys, the wording is the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** Does a new version differ from the current one (else saving writes no version)? */
export function sameTemplate(
  a: TemplateDraft & { introZh?: string | null; introEn?: string | null },
  b: typeof a,
) {
  const key = (x: typeof a) =>
    canonical([
      x.titleZh,
      x.titleEn,
      x.introZh ?? null,
      x.introEn ?? null,
      x.questions.map(normaliseQuestion),
    ]);
  return key(a) === key(b);
}

export const isQuestionType = (v: string): v is QuestionType =>
  (QUESTION_TYPES as readonly string[]).includes(v);
