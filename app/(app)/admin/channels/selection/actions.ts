"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import {
  addRecommendedCriteria,
  createCriterion,
  setCriterionDeleted,
  updateCriterion,
} from "@/lib/data/distributor-scorecards/settings";
import {
  createCriterionSchema,
  criterionRefSchema,
  updateCriterionSchema,
} from "@/lib/validation/distributor-scorecards";

function refresh() {
  revalidatePath("/admin/channels/selection");
  revalidatePath("/distributors", "layout");
}

export const createCriterionAction = formAction(
  createCriterionSchema,
  async ({ viewer, input }) => {
    const row = await createCriterion(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("distributorScorecards.admin.selection.created", { name: data.name }),
);

export const updateCriterionAction = formAction(
  updateCriterionSchema,
  async ({ viewer, input }) => {
    const row = await updateCriterion(viewer, input);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("distributorScorecards.admin.selection.updated", { name: data.name }),
);

export const deleteCriterionAction = formAction(
  criterionRefSchema,
  async ({ viewer, input }) => {
    const row = await setCriterionDeleted(viewer, input, true);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("distributorScorecards.admin.selection.deleted", { name: data.name }),
);

export const restoreCriterionAction = formAction(
  criterionRefSchema,
  async ({ viewer, input }) => {
    const row = await setCriterionDeleted(viewer, input, false);
    refresh();
    return { name: row.name };
  },
  (t, data) => t("distributorScorecards.admin.selection.restored", { name: data.name }),
);

export const addRecommendedCriteriaAction = formAction(
  z.object({}),
  async ({ viewer }) => {
    await addRecommendedCriteria(viewer);
    refresh();
  },
  (t) => t("distributorScorecards.admin.selection.recommendedAdded"),
);
