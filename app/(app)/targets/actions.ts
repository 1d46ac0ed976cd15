"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { clearTarget, restoreTarget, saveTarget } from "@/lib/data/targets/targets";
import { saveTargetSchema, targetSetRefSchema } from "@/lib/validation/targets";

// The grid and each set's page show targets; the dashboard and scorecards read them too.
function refresh() {
  revalidatePath("/targets", "layout");
  revalidatePath("/dashboard", "layout");
}

type Saved = { year: number; metric: string };

const save = formAction(saveTargetSchema, async ({ viewer, input }): Promise<Saved> => {
  await saveTarget(viewer, input);
  refresh();
  return { year: input.year, metric: input.metric };
});

/** Saves a target's twelve months and goes back to the grid, where the team sums now include it. */
export async function saveTargetAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await save(prev, formData);
  if (state.status === "ok" && state.data)
    redirect(`/targets?year=${state.data.year}&metric=${state.data.metric}`);
  return state;
}

export const clearTargetAction = formAction(
  targetSetRefSchema,
  async ({ viewer, input }) => {
    await clearTarget(viewer, input);
    refresh();
  },
  (t) => t("targets.form.cleared"),
);

export const restoreTargetAction = formAction(
  targetSetRefSchema,
  async ({ viewer, input }) => {
    await restoreTarget(viewer, input);
    refresh();
  },
  (t) => t("targets.form.restored"),
);
