import { z } from "zod";
import { QUESTION_TYPES, type SurveyQuestion } from "@/lib/domain/surveys";
import { isWaveMonths } from "@/lib/domain/survey-rules";
import {
  checkbox,
  id,
  optionalIsoDate,
  optionalText,
  queryDate,
  requiredInt,
  requiredText,
  version,
} from "./primitives";

// Survey forms: sending, the administrator's settings, questionnaires; the results list's URL.

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(id).max(200))
  .transform((ids) => [...new Set(ids)]);

// What both send forms share: the questionnaire, the chosen people, the closing day, the language.
const sendFields = {
  templateId: id,
  contactIds: idList,
  closesOn: optionalIsoDate.transform((v, ctx) => {
    if (v === null) ctx.addIssue({ code: "custom", message: "validation.required" });
    return v ?? "";
  }),
  locale: z.enum(["zh-CN", "en"], { message: "validation.invalid" }),
};
const someoneChosen = {
  when: (v: { audience: string; contactIds: string[] }) => v.audience !== "chosen" || v.contactIds.length > 0,
  issue: { path: ["contactIds"], message: "surveys.errors.noContacts" },
};

export const sendSurveySchema = z
  .object({
    accountId: id,
    audience: z.enum(["decisionMakers", "chosen"], { message: "validation.invalid" }),
    ...sendFields,
  })
  .refine(someoneChosen.when, someoneChosen.issue);

/** 渠道满意度: the same form, sent to a distributor's contacts (all of them, or chosen ones). */
export const sendDistributorSurveySchema = z
  .object({
    distributorId: id,
    audience: z.enum(["allContacts", "chosen"], { message: "validation.invalid" }),
    ...sendFields,
  })
  .refine(someoneChosen.when, someoneChosen.issue);

export const surveyRefSchema = z.object({ id });
export const emailSurveySchema = z.object({ id, resend: checkbox });

const waveMonths = requiredInt(0, 12).refine(isWaveMonths, { message: "surveys.settings.waveMonthsInvalid" });

const templateCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: "validation.invalid" });

export const satisfactionSettingsSchema = z.object({
  version: requiredInt(0, 2_147_483_647, "validation.invalid"),
  companyName: requiredText(100),
  companyNameZh: requiredText(100),
  linkValidDays: requiredInt(1, 90),
  reminderAfterDays: requiredInt(0, 60),
  surveyOnDealWon: checkbox,
  surveyOnComplaintClosed: checkbox,
  waveMonthsA: waveMonths,
  waveMonthsB: waveMonths,
  waveMonthsC: waveMonths,
  waveTemplateCode: templateCode,
  distributorWaveMonths: waveMonths,
  distributorWaveTemplateCode: templateCode,
  lowCsatAtMost: requiredInt(1, 4),
  lowNpsAtMost: requiredInt(0, 9),
  lowScoreCreatesComplaint: checkbox,
});

// The editor posts its questions as one JSON field; the shape is checked here, the rules (unique
// keys, 2–10 options, bounds) by checkTemplate in the data layer, which names the problem.
const questionShape = z.object({
  key: z.string().max(30),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  labelZh: z.string().max(1000),
  labelEn: z.string().max(1000),
  options: z
    .array(
      z.object({ key: z.string().max(30), labelZh: z.string().max(1000), labelEn: z.string().max(1000) }),
    )
    .max(50)
    .optional(),
  min: z.number().int().min(-1000).max(1000).optional(),
  max: z.number().int().min(-1000).max(1000).optional(),
});

const questionsJson = z
  .string()
  .max(200_000)
  .transform((raw, ctx): SurveyQuestion[] => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    const result = z.array(questionShape).max(100).safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return result.data;
  });

const templateFields = {
  name: requiredText(100),
  nameEn: requiredText(100),
  titleZh: requiredText(300),
  titleEn: requiredText(300),
  introZh: optionalText(1000),
  introEn: optionalText(1000),
  questions: questionsJson,
};

export const createTemplateSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/, { message: "surveys.templates.codeInvalid" }),
  ...templateFields,
});
export const updateTemplateSchema = z.object({ id, version, code: z.string().optional(), ...templateFields });
export const templateRefSchema = z.object({ id, version });

/** The results list's URL: filters that do not parse are ignored. */
export const surveyQuerySchema = z.object({
  trigger: z.enum(["MANUAL", "DEAL_WON", "COMPLAINT_CLOSED", "WAVE"]).optional().catch(undefined),
  status: z.enum(["OPEN", "CLOSED"]).optional().catch(undefined),
  from: queryDate,
  to: queryDate,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
