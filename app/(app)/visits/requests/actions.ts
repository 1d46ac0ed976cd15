"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { cancelRequest, createRequest, resubmitRequest } from "@/lib/data/visits/requests";
import {
  createGiftSchema,
  createReceptionSchema,
  recordRefSchema,
  updateGiftSchema,
  updateReceptionSchema,
} from "@/lib/validation/visit-plans";

type Saved = { id: string };

function refresh(request: { id: string; planId: string | null }) {
  revalidatePath(`/visits/requests/${request.id}`);
  if (request.planId) revalidatePath(`/visits/plans/${request.planId}`);
  revalidatePath("/visits/approvals");
}

/** After a save the request's page opens. */
async function opening(
  action: (prev: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>,
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await action(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/visits/requests/${encodeURIComponent(state.data.id)}`);
  return state;
}

const createGift = formAction(createGiftSchema, async ({ viewer, input }): Promise<Saved> => {
  const request = await createRequest(viewer, input);
  refresh(request);
  return { id: request.id };
});
const createReception = formAction(createReceptionSchema, async ({ viewer, input }): Promise<Saved> => {
  const request = await createRequest(viewer, input);
  refresh(request);
  return { id: request.id };
});
const resubmitGift = formAction(updateGiftSchema, async ({ viewer, input }): Promise<Saved> => {
  const request = await resubmitRequest(viewer, input);
  refresh(request);
  return { id: request.id };
});
const resubmitReception = formAction(updateReceptionSchema, async ({ viewer, input }): Promise<Saved> => {
  const request = await resubmitRequest(viewer, input);
  refresh(request);
  return { id: request.id };
});

export async function createGiftAction(prev: ActionState<Saved>, formData: FormData) {
  return opening(createGift, prev, formData);
}
export async function createReceptionAction(prev: ActionState<Saved>, formData: FormData) {
  return opening(createReception, prev, formData);
}
export async function resubmitGiftAction(prev: ActionState<Saved>, formData: FormData) {
  return opening(resubmitGift, prev, formData);
}
export async function resubmitReceptionAction(prev: ActionState<Saved>, formData: FormData) {
  return opening(resubmitReception, prev, formData);
}

export const cancelRequestAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const request = await cancelRequest(viewer, input);
    refresh(request);
    return { id: request.id };
  },
  (t) => t("visitPlans.request.cancelled"),
);
