"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { decidePlan, decideRequest } from "@/lib/data/visits/approvals";
import { decisionSchema } from "@/lib/validation/visit-plans";

function refresh(path: string) {
  revalidatePath("/visits/approvals");
  revalidatePath(path);
  revalidatePath("/notifications");
  revalidatePath("/", "layout"); // the bell's count
}

/** Approve or return (退回) a plan: one tap from the inbox or the plan's page. */
export const decidePlanAction = formAction(
  decisionSchema,
  async ({ viewer, input }) => {
    const plan = await decidePlan(viewer, input);
    refresh(`/visits/plans/${plan.id}`);
    return { status: String(plan.status) };
  },
  (t, data) =>
    t(data.status === "APPROVED" ? "visitPlans.decision.approved" : "visitPlans.decision.returned"),
);

export const decideRequestAction = formAction(
  decisionSchema,
  async ({ viewer, input }) => {
    const request = await decideRequest(viewer, input);
    refresh(`/visits/requests/${request.id}`);
    return { status: String(request.status) };
  },
  (t, data) =>
    t(data.status === "APPROVED" ? "visitPlans.decision.approved" : "visitPlans.decision.returned"),
);
