"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { chinaDate } from "@/lib/domain/calendar";
import {
  deleteReview,
  openReview,
  respondToReview,
  restoreReview,
  shareReview,
  updateReview,
  type OpenResult,
} from "@/lib/data/reviews/reviews";
import {
  openReviewSchema,
  respondReviewSchema,
  reviewRefSchema,
  updateReviewSchema,
} from "@/lib/validation/reviews";

function refresh(id?: string) {
  revalidatePath("/reviews");
  if (id) revalidatePath(`/reviews/${id}`);
  revalidatePath("/notifications");
}

const open = formAction(openReviewSchema, async ({ viewer, input }) => {
  const result = await openReview(viewer, input, chinaDate(new Date()));
  refresh(result.id);
  return result;
});

/**
 * Opens a review (freezing the scorecard) and goes to it. If the person already has a review for
 * that period, stays and answers with a link to it (the form shows it).
 */
export async function openReviewAction(
  prev: ActionState<OpenResult>,
  formData: FormData,
): Promise<ActionState<OpenResult>> {
  const state = await open(prev, formData);
  if (state.status === "ok" && state.data && !state.data.existing) {
    redirect(`/reviews/${encodeURIComponent(state.data.id)}`);
  }
  return state;
}

export const saveReviewAction = formAction(
  updateReviewSchema,
  async ({ viewer, input }) => {
    const review = await updateReview(viewer, input);
    refresh(review.id);
    return { id: review.id };
  },
  (t) => t("reviews.review.saved"),
);

export const shareReviewAction = formAction(
  reviewRefSchema,
  async ({ viewer, input }) => {
    const r = await shareReview(viewer, input);
    refresh(r.id);
    return r;
  },
  (t) => t("reviews.review.sharedMessage"),
);

export const respondReviewAction = formAction(
  respondReviewSchema,
  async ({ viewer, input }) => {
    const r = await respondToReview(viewer, input);
    refresh(r.id);
    return r;
  },
  (t) => t("reviews.review.answered"),
);

export const deleteReviewAction = formAction(
  reviewRefSchema,
  async ({ viewer, input }) => {
    const r = await deleteReview(viewer, input);
    refresh(r.id);
    return r;
  },
  (t) => t("reviews.review.deleted"),
);

export const restoreReviewAction = formAction(
  reviewRefSchema,
  async ({ viewer, input }) => {
    const r = await restoreReview(viewer, input);
    refresh(r.id);
    return r;
  },
  (t) => t("reviews.review.restored"),
);
