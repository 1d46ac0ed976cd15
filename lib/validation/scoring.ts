import { z } from "zod";
import { fenToYuan } from "@/lib/domain/money";
import { optionalDecimal, optionalInt, requiredYuan, version, whenValid } from "./primitives";

/** A number typed into a form, in [min, max]; `int` for whole numbers. Empty → "required". */
const numberField = (min: number, max: number, opts: { int?: boolean } = {}) =>
  (opts.int ? optionalInt(min, max) : optionalDecimal(min, max, { percent: true })).transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({ code: "custom", message: "validation.required" });
      return z.NEVER;
    }
    return v;
  });

/** An amount in yuan as people type it ("50,000,000", "5000万", "2亿"), at least 1 yuan. */
const yuanAmount = requiredYuan.transform((fen, ctx) => {
  if (fen < 100n) {
    ctx.addIssue({ code: "custom", message: "validation.amountMin", params: { min: 1 } });
    return z.NEVER;
  }
  return fenToYuan(fen)!;
});

/**
 * The administrator's scoring settings form. Weights are relative (normalised by the scoring), so
 * only "not all zero" matters; tier A must be above tier B; the cost-to-serve limit is entered as
 * a percentage of gross profit and stored as a share.
 */
export const scoringSettingsSchema = z
  .object({
    version,
    weightCurrent: numberField(0, 100, { int: true }),
    weightPotential: numberField(0, 100, { int: true }),
    weightStrategic: numberField(0, 100, { int: true }),
    tierA: numberField(1, 100, { int: true }),
    tierB: numberField(0, 99, { int: true }),
    fullMarksPurchaseVolume: yuanAmount,
    fullMarksCategorySpend: yuanAmount,
    fullMarksGrowth: numberField(1, 1000),
    maxCostToServePercent: numberField(1, 100),
  })
  .superRefine(
    (d, ctx) => {
      if (d.weightCurrent + d.weightPotential + d.weightStrategic === 0) {
        ctx.addIssue({
          code: "too_small",
          origin: "number",
          minimum: 1,
          inclusive: true,
          path: ["weightCurrent"],
          input: 0,
        });
      }
      if (d.tierB >= d.tierA) {
        // "Enter {A − 1} or less." beside the B threshold: the message says what would be accepted.
        ctx.addIssue({
          code: "too_big",
          origin: "number",
          maximum: d.tierA - 1,
          inclusive: true,
          path: ["tierB"],
          input: d.tierB,
        });
      }
    },
    whenValid("weightCurrent", "weightPotential", "weightStrategic", "tierA", "tierB"),
  )
  .transform(({ maxCostToServePercent, ...rest }) => ({
    ...rest,
    maxCostToServeShare: maxCostToServePercent / 100,
  }));

export type ScoringSettingsInput = z.output<typeof scoringSettingsSchema>;
