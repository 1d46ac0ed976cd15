import { z } from "zod";
import {
  RECOMMENDATIONS,
  SCORECARD_FACTORS,
  type ScorecardWeights,
} from "@/lib/domain/distributor-scorecard";
import {
  checkbox,
  id,
  INT4_MAX,
  optionalDecimal,
  optionalEnum,
  optionalText,
  requiredInt,
  requiredText,
  version,
} from "./primitives";

// Forms of 经销商甄选 and 季度考评: the administrator's model and settings, an evaluation, a review.

const criterionFields = {
  name: requiredText(40),
  nameEn: requiredText(60),
  kind: z.enum(["QUALITATIVE", "QUANTITATIVE"]),
  weight: requiredInt(0, 100),
  unit: optionalText(20),
  worst: optionalDecimal(-1_000_000_000, 1_000_000_000),
  best: optionalDecimal(-1_000_000_000, 1_000_000_000),
  active: checkbox,
};
export const createCriterionSchema = z.object(criterionFields);
export const updateCriterionSchema = z.object({ ...criterionFields, id, version });
export const criterionRefSchema = z.object({ id, version });
export type CriterionInput = z.output<typeof createCriterionSchema>;
export type CriterionRefInput = z.output<typeof criterionRefSchema>;

const weightFields = Object.fromEntries(
  SCORECARD_FACTORS.map((f) => [`w_${f}`, requiredInt(0, 100)]),
) as Record<`w_${(typeof SCORECARD_FACTORS)[number]}`, ReturnType<typeof requiredInt>>;

export const scorecardSettingsSchema = z
  .object({
    ...weightFields,
    upgradeAt: requiredInt(1, 100),
    keepAt: requiredInt(1, 100),
    warnAt: requiredInt(0, 100),
    healthyStockMonths: requiredInt(1, 24),
    version: requiredInt(0, INT4_MAX, "validation.invalid"),
  })
  .transform((o) => ({
    weights: Object.fromEntries(SCORECARD_FACTORS.map((f) => [f, o[`w_${f}`]])) as ScorecardWeights,
    upgradeAt: o.upgradeAt,
    keepAt: o.keepAt,
    warnAt: o.warnAt,
    healthyStockMonths: o.healthyStockMonths,
    version: o.version,
  }));
export type ScorecardSettingsInput = z.output<typeof scorecardSettingsSchema>;

/** A score field is named `score_<criterion key>`; keys are letters, digits and dashes. */
export const SCORE_PREFIX = "score_";
const scoreValue = optionalDecimal(-1_000_000_000, 1_000_000_000);

export const evaluationSchema = z
  .looseObject({ distributorId: id, note: optionalText(1000) })
  .transform((o, ctx) => {
    const raws: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(o)) {
      if (!name.startsWith(SCORE_PREFIX)) continue;
      const key = name.slice(SCORE_PREFIX.length);
      if (!/^[A-Za-z0-9-]{1,64}$/.test(key)) continue;
      const r = scoreValue.safeParse(typeof value === "string" ? value : "");
      if (r.success) raws[key] = r.data;
      else for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: [name], message: i.message });
    }
    return { distributorId: o.distributorId, note: o.note, raws };
  });
export type EvaluationInput = z.output<typeof evaluationSchema>;

export const reviewScorecardSchema = z.object({
  id,
  version,
  recommendation: optionalEnum(RECOMMENDATIONS),
  note: optionalText(2000),
});
export type ReviewScorecardInput = z.output<typeof reviewScorecardSchema>;

export const recomputeSchema = z.object({
  periodKey: z.string().regex(/^\d{4}-Q[1-4]$/, "validation.invalid"),
});
