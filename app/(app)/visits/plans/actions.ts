"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import {
  cancelPlan,
  createPlan,
  deletePlan,
  reschedulePlan,
  submitPlan,
  updatePlan,
} from "@/lib/data/visits/plans";
import {
  createPlanSchema,
  recordRefSchema,
  rescheduleSchema,
  updatePlanSchema,
} from "@/lib/validation/visit-plans";

// The plan list, the plan's page, the calendar and the approver's inbox show a plan.
function refresh(planId?: string) {
  revalidatePath("/visits/plans");
  if (planId) revalidatePath(`/visits/plans/${planId}`);
  revalidatePath("/visits/approvals");
  revalidatePath("/visits/calendar");
  revalidatePath("/");
}

type Saved = { id: string };

const create = formAction(createPlanSchema, async ({ viewer, input }): Promise<Saved> => {
  const plan = await createPlan(viewer, input);
  refresh(plan.id);
  return { id: plan.id };
});

/** Saves a new plan (a draft, or submitted) and opens it. */
export async function createPlanAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await create(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/visits/plans/${encodeURIComponent(state.data.id)}`);
  return state;
}

const update = formAction(updatePlanSchema, async ({ viewer, input }): Promise<Saved> => {
  const plan = await updatePlan(viewer, input);
  refresh(plan.id);
  return { id: plan.id };
});

/** Saves an edited draft or returned plan (and submits it when asked) and opens it. */
export async function updatePlanAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await update(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/visits/plans/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const submitPlanAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const plan = await submitPlan(viewer, input);
    refresh(plan.id);
    return { status: plan.status };
  },
  (t, data) => t(data.status === "APPROVED" ? "visitPlans.plan.approvedAtOnce" : "visitPlans.plan.submitted"),
);

export const reschedulePlanAction = formAction(
  rescheduleSchema,
  async ({ viewer, input }) => {
    const plan = await reschedulePlan(viewer, input);
    refresh(plan.id);
    return { id: plan.id };
  },
  (t) => t("visitPlans.plan.rescheduled"),
);

export const cancelPlanAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const plan = await cancelPlan(viewer, input);
    refresh(plan.id);
    return { id: plan.id };
  },
  (t) => t("visitPlans.plan.cancelled"),
);

const remove = formAction(recordRefSchema, async ({ viewer, input }): Promise<Saved> => {
  const plan = await deletePlan(viewer, input);
  refresh(plan.id);
  return { id: plan.id };
});

/** Deletes (softly) a draft, returned or cancelled plan and goes back to the list. */
export async function deletePlanAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await remove(prev, formData);
  if (state.status === "ok") redirect("/visits/plans");
  return state;
}
