"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { recomputeScorecards, reviewScorecard } from "@/lib/data/distributor-scorecards/write";
import { recomputeSchema, reviewScorecardSchema } from "@/lib/validation/distributor-scorecards";

export const recomputeScorecardsAction = formAction(
  recomputeSchema,
  async ({ viewer, input }) => {
    const r = await recomputeScorecards(viewer, input.periodKey);
    revalidatePath("/distributor-scorecards", "layout");
    revalidatePath("/dashboard");
    return r;
  },
  (t, data) => t("distributorScorecards.ranking.recomputeDone", { count: data.computed }),
);

export const reviewScorecardAction = formAction(
  reviewScorecardSchema,
  async ({ viewer, input }) => {
    const r = await reviewScorecard(viewer, input);
    revalidatePath("/distributor-scorecards", "layout");
    return r;
  },
  (t) => t("distributorScorecards.detail.review.saved"),
);
