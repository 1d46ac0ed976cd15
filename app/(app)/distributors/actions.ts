"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, objectAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { moveDistributor, type DistributorCard } from "@/lib/data/distributors/board";
import { addDistributorContact, deleteDistributorContact } from "@/lib/data/distributors/contacts";
import { addDistributorMemo, deleteDistributorMemo } from "@/lib/data/distributors/memos";
import {
  createDistributor,
  deleteDistributor,
  restoreDistributor,
  updateDistributor,
} from "@/lib/data/distributors/write";
import {
  createDistributorContactSchema,
  createDistributorMemoSchema,
  createDistributorSchema,
  distributorChildRefSchema,
  distributorRefSchema,
  moveDistributorSchema,
  updateDistributorSchema,
} from "@/lib/validation/distributors";

function refresh(id?: string) {
  revalidatePath("/distributors");
  // A contact or memo changed: the distributor pages (their ids are not in the input).
  if (!id) revalidatePath("/distributors/[distributorId]", "page");
  revalidatePath("/distributors/board");
  revalidatePath("/distributors/layout");
  if (id) revalidatePath(`/distributors/${id}`);
}

const create = formAction(createDistributorSchema, async ({ viewer, input }) => {
  const result = await createDistributor(viewer, input);
  refresh(result.id);
  return result;
});

/** Creates the distributor (a prospect) and opens its page. */
export async function createDistributorAction(
  prev: ActionState<{ id: string; code: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string; code: string }>> {
  const state = await create(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/distributors/${encodeURIComponent(state.data.id)}`);
  return state;
}

const update = formAction(updateDistributorSchema, async ({ viewer, input }) => {
  await updateDistributor(viewer, input);
  refresh(input.id);
  return { id: input.id };
});

/** Saves the profile and goes back to the distributor's page. */
export async function updateDistributorAction(
  prev: ActionState<{ id: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string }>> {
  const state = await update(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/distributors/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const deleteDistributorAction = formAction(
  distributorRefSchema,
  async ({ viewer, input }) => {
    await deleteDistributor(viewer, input);
    refresh(input.id);
  },
  (t) => t("distributors.manage.deleted"),
);

export const restoreDistributorAction = formAction(
  distributorRefSchema,
  async ({ viewer, input }) => {
    await restoreDistributor(viewer, input);
    refresh(input.id);
  },
  (t) => t("distributors.manage.restored"),
);

/** A move on the recruitment board: answers with the card as it now is. */
export const moveDistributorAction = objectAction(
  moveDistributorSchema,
  async ({ viewer, input }): Promise<DistributorCard> => {
    const card = await moveDistributor(viewer, input);
    refresh(input.id);
    return card;
  },
);

export const addContactAction = formAction(
  createDistributorContactSchema,
  async ({ viewer, input }) => {
    await addDistributorContact(viewer, input);
    refresh(input.distributorId);
  },
  (t) => t("distributors.contacts.added"),
);

export const deleteContactAction = formAction(
  distributorChildRefSchema,
  async ({ viewer, input }) => {
    await deleteDistributorContact(viewer, input);
    refresh();
  },
  (t) => t("distributors.contacts.removed"),
);

export const addMemoAction = formAction(
  createDistributorMemoSchema,
  async ({ viewer, input }) => {
    await addDistributorMemo(viewer, input);
    refresh(input.distributorId);
  },
  (t) => t("distributors.memos.added"),
);

export const deleteMemoAction = formAction(
  distributorChildRefSchema,
  async ({ viewer, input }) => {
    await deleteDistributorMemo(viewer, input);
    refresh();
  },
  (t) => t("distributors.memos.removed"),
);
