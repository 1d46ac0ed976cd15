import { z } from "zod";
import { version } from "./common";

/** A number typed into a form, in [min, max]; `int` for whole numbers. Empty → "required". */
const numberField = (min: number, max: number, opts: { int?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((v) => Number(v.replace(/[,，\s%％]/g, "")))
    .pipe(opts.int ? z.number().int().min(min).max(max) : z.number().min(min).max(max));

/** An amount in yuan as people type it ("50,000,000", "5000万", "2亿"), at least 1 yuan. */
const yuanAmount = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const unit = /亿$/.test(v) ? 100_000_000 : /万$/.test(v) ? 10_000 : 1;
    const n = Number(v.replace(/[,，\s元¥￥]/g, "").replace(/[万亿]$/, "")) * unit;
    if (!Number.isFinite(n) || n < 1 || n > 1e13) {
      ctx.addIssue({ code: "custom", message: "validation.amount" });
      return z.NEVER;
    }
    return n;
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
  .superRefine((d, ctx) => {
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
  })
  .transform(({ maxCostToServePercent, ...rest }) => ({
    ...rest,
    maxCostToServeShare: maxCostToServePercent / 100,
  }));

export type ScoringSettingsInput = z.output<typeof scoringSettingsSchema>;
