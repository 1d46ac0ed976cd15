import { z } from "zod";
import { REVIEW_RATINGS } from "@/lib/domain/scorecard";
import { parsePeriod, periodKey, type Period } from "@/lib/domain/kpi-period";
import { id, optionalEnum, optionalText, requiredText, version } from "./primitives";

/**
 * A period as the URL writes it (`2026-Q3`, `2026-09`, `2026`, `2026-07-01..2026-08-15`). Unlike a
 * page's URL, which falls back to this month, a review must name a real period: anything that does
 * not read back as itself is refused.
 */
export const periodField = z
  .string()
  .max(30)
  .transform((raw, ctx): Period => {
    const key = raw.trim();
    const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
    // The sentinel "today" is outside every period a person can name, so a fallback is visible.
    const period = custom
      ? parsePeriod({ from: custom[1], to: custom[2] }, "1999-01-01")
      : parsePeriod({ period: key }, "1999-01-01");
    if (periodKey(period) !== key) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return period;
  });

/** Opening a review: whom and for which period (the scorecard is frozen then). */
export const openReviewSchema = z.object({ subjectId: id, period: periodField });

/** The manager's draft: strengths, gaps, a rating and the improvement plan (绩效反馈与改进). */
export const updateReviewSchema = z.object({
  id,
  version,
  strengths: optionalText(4000),
  gaps: optionalText(4000),
  rating: optionalEnum(REVIEW_RATINGS),
  improvementPlan: optionalText(4000),
});
export type ReviewDraftInput = z.output<typeof updateReviewSchema>;

/** The person's answer. */
export const respondReviewSchema = z.object({ id, version, response: requiredText(4000) });

export const reviewRefSchema = z.object({ id, version });
