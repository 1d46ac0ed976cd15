// 销售目标 and 费用预算 as forms send them: which year and metric a page shows (from the URL, with
// fallbacks), and a year of twelve monthly figures to save — yuan for money, whole numbers for
// counts — each month with its own field error.
import { z } from "zod";
import { parseYuan } from "@/lib/domain/money";
import {
  BUDGET_CATEGORIES,
  isMoneyMetric,
  MONTHS,
  parseSubject,
  TARGET_METRICS,
  type TargetMetric,
} from "@/lib/domain/targets";
import { id, INT4_MAX, requiredInt } from "./primitives";

/** Years a target or budget may be set for. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** Counts (visits, new accounts) in a month: generous, but bounded. */
export const MAX_MONTHLY_COUNT = 1_000_000;

/** `year` and `metric` from the URL; anything malformed gives the defaults. */
export const targetsQuerySchema = (defaultYear: number) =>
  z.object({
    year: z
      .string()
      .optional()
      .transform((raw) => {
        const n = /^\d{4}$/.test(raw ?? "") ? Number(raw) : NaN;
        return n >= YEAR_RANGE.min && n <= YEAR_RANGE.max ? n : defaultYear;
      })
      .catch(defaultYear),
    metric: z.enum(TARGET_METRICS).catch("REVENUE"),
  });

export const budgetCategorySchema = z.enum(BUDGET_CATEGORIES);

const monthFields = Object.fromEntries(MONTHS.map((m) => [`m${m}`, z.string().optional()])) as Record<
  `m${number}`,
  z.ZodOptional<z.ZodString>
>;

/** The set's version the form loaded (0: nothing was set yet). */
const setVersion = requiredInt(0, INT4_MAX, "validation.invalid");
const year = requiredInt(YEAR_RANGE.min, YEAR_RANGE.max);

/** One month's figure as typed; empty counts as zero (a month with no target). */
function monthValue(
  raw: string | undefined,
  money: boolean,
): { ok: true; value: bigint } | { ok: false; message: string; params?: Record<string, unknown> } {
  const text = (raw ?? "").trim();
  if (!text) return { ok: true, value: 0n };
  if (money) {
    const r = parseYuan(text);
    if (r.ok) return { ok: true, value: r.fen };
    return {
      ok: false,
      message: {
        format: "validation.amount",
        negative: "validation.amountNegative",
        tooLarge: "validation.amountTooLarge",
        precision: "validation.amountPrecision",
      }[r.problem],
    };
  }
  const digits = text.normalize("NFKC").replace(/[\s,_]/g, "");
  if (!/^\d{1,9}$/.test(digits)) return { ok: false, message: "validation.wholeNumber" };
  const n = Number(digits);
  if (n > MAX_MONTHLY_COUNT)
    return { ok: false, message: "validation.between", params: { min: 0, max: MAX_MONTHLY_COUNT } };
  return { ok: true, value: BigInt(n) };
}

/** Reads m1…m12 into twelve figures, with an issue on each month that does not read. */
function readMonths(values: Record<string, unknown>, money: boolean, ctx: z.RefinementCtx): bigint[] {
  return MONTHS.map((m) => {
    const raw = values[`m${m}`];
    const r = monthValue(typeof raw === "string" ? raw : undefined, money);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, params: r.params, path: [`m${m}`] });
    return 0n;
  });
}

const subject = z
  .string()
  .trim()
  .refine((v) => parseSubject(v) !== null, { message: "validation.invalid" });

const targetSet = { subject, year, metric: z.enum(TARGET_METRICS) };

/** A person's or team's target for a year and metric, month by month. */
export const saveTargetSchema = z
  .object({ ...targetSet, version: setVersion, ...monthFields })
  .transform((input, ctx) => ({
    subject: input.subject,
    year: input.year,
    metric: input.metric as TargetMetric,
    version: input.version,
    months: readMonths(input, isMoneyMetric(input.metric), ctx),
  }));
export type SaveTargetInput = z.output<typeof saveTargetSchema>;

/** Clearing (soft delete) or restoring a target set. */
export const targetSetRefSchema = z.object({ ...targetSet, version: setVersion });
export type TargetSetRef = z.output<typeof targetSetRefSchema>;

const budgetSet = { teamId: id, year, category: budgetCategorySchema };

/** A team's expense budget for a year and category, month by month (yuan). */
export const saveBudgetSchema = z
  .object({ ...budgetSet, version: setVersion, ...monthFields })
  .transform((input, ctx) => ({
    teamId: input.teamId,
    year: input.year,
    category: input.category,
    version: input.version,
    months: readMonths(input, true, ctx),
  }));
export type SaveBudgetInput = z.output<typeof saveBudgetSchema>;

export const budgetSetRefSchema = z.object({ ...budgetSet, version: setVersion });
export type BudgetSetRef = z.output<typeof budgetSetRefSchema>;
