"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import {
  addRecommendedIndicators,
  createIndicator,
  deleteIndicator,
  restoreIndicator,
  updateIndicator,
} from "@/lib/data/reviews/indicators";
import {
  createIndicatorSchema,
  indicatorRefSchema,
  updateIndicatorSchema,
} from "@/lib/validation/scorecards";
import { z } from "zod";

function refresh() {
  revalidatePath("/admin/scorecards");
  revalidatePath("/reviews", "layout");
}

export const createIndicatorAction = formAction(
  createIndicatorSchema,
  async ({ viewer, input }) => {
    const row = await createIndicator(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("reviews.indicators.created", { name: data.name }),
);

export const updateIndicatorAction = formAction(
  updateIndicatorSchema,
  async ({ viewer, input }) => {
    const row = await updateIndicator(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("reviews.indicators.updated", { name: data.name }),
);

export const deleteIndicatorAction = formAction(
  indicatorRefSchema,
  async ({ viewer, input }) => {
    const row = await deleteIndicator(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("reviews.indicators.deleted", { name: data.name }),
);

export const restoreIndicatorAction = formAction(
  indicatorRefSchema,
  async ({ viewer, input }) => {
    const row = await restoreIndicator(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("reviews.indicators.restored", { name: data.name }),
);

export const addRecommendedAction = formAction(
  z.object({}),
  async ({ viewer }) => {
    const count = await addRecommendedIndicators(viewer);
    refresh();
    return { count };
  },
  (t, data) => t("reviews.indicators.recommendedAdded", { count: data.count }),
);
