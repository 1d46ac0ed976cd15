"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { clearBudget, restoreBudget, saveBudget } from "@/lib/data/targets/budgets";
import { budgetSetRefSchema, saveBudgetSchema } from "@/lib/validation/targets";

function refresh() {
  revalidatePath("/budgets", "layout");
  revalidatePath("/dashboard", "layout");
}

type Saved = { year: number };

const save = formAction(saveBudgetSchema, async ({ viewer, input }): Promise<Saved> => {
  await saveBudget(viewer, input);
  refresh();
  return { year: input.year };
});

/** Saves a budget's twelve months and goes back to the grid. */
export async function saveBudgetAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await save(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/budgets?year=${state.data.year}`);
  return state;
}

export const clearBudgetAction = formAction(
  budgetSetRefSchema,
  async ({ viewer, input }) => {
    await clearBudget(viewer, input);
    refresh();
  },
  (t) => t("budgets.form.cleared"),
);

export const restoreBudgetAction = formAction(
  budgetSetRefSchema,
  async ({ viewer, input }) => {
    await restoreBudget(viewer, input);
    refresh();
  },
  (t) => t("budgets.form.restored"),
);
