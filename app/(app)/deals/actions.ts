"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { createDeal } from "@/lib/data/deals/changes";
import { restoreDeal } from "@/lib/data/deals/outcomes";
import { createDealSchema, recordRefSchema } from "@/lib/validation/deals";

// Actions on deals from outside the deal page: opening one on the account page, restoring one.

const create = formAction(createDealSchema, async ({ viewer, input }) => {
  const deal = await createDeal(viewer, input);
  revalidatePath(`/accounts/${input.accountId}`);
  revalidatePath("/pipeline");
  return deal;
});

/** Opens a development deal on an account (in 确定开发对象) and goes to its page. */
export async function createDealAction(
  prev: ActionState<{ id: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string }>> {
  const state = await create(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/deals/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const restoreDealAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const deal = await restoreDeal(viewer, input);
    revalidatePath(`/accounts/${deal.accountId}`);
    revalidatePath("/pipeline");
    revalidatePath("/agreements");
    return { title: deal.title };
  },
  (t, data) => t("deal.restored", { title: data.title }),
);
