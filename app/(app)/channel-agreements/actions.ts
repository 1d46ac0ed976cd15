"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import {
  changeAgreementTerms,
  createAgreement,
  signAgreement,
  terminateAgreement,
} from "@/lib/data/channel-agreements/write";
import {
  agreementRefSchema,
  changeTermsSchema,
  createAgreementSchema,
  terminateAgreementSchema,
} from "@/lib/validation/channel-agreements";

// Each action ends on the agreement's page with `?saved=…`, which shows the confirmation there:
// the form that was used may no longer be on the page (a signed draft has no "sign" form).

function refresh(id: string, distributorId?: string) {
  revalidatePath("/channel-agreements");
  revalidatePath(`/channel-agreements/${id}`);
  if (distributorId) revalidatePath(`/distributors/${distributorId}`);
  revalidatePath("/distributors");
}

type Done = { id: string; saved: string };

const go = (state: ActionState<Done>) => {
  if (state.status === "ok" && state.data)
    redirect(`/channel-agreements/${encodeURIComponent(state.data.id)}?saved=${state.data.saved}`);
  return state;
};

const create = formAction(createAgreementSchema, async ({ viewer, input }) => {
  const a = await createAgreement(viewer, { distributorId: input.distributorId, terms: input.terms });
  refresh(a.id, input.distributorId);
  return { id: a.id, saved: "created" };
});

export async function createAgreementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await create(prev, formData));
}

const change = formAction(changeTermsSchema, async ({ viewer, input }) => {
  const r = await changeAgreementTerms(viewer, {
    id: input.id,
    version: input.version,
    changeNote: input.changeNote,
    terms: input.terms,
  });
  refresh(r.id);
  return { id: r.id, saved: `version${r.versionNo}` };
});

export async function changeTermsAction(prev: ActionState<Done>, formData: FormData) {
  return go(await change(prev, formData));
}

const sign = formAction(agreementRefSchema, async ({ viewer, input }) => {
  await signAgreement(viewer, input);
  refresh(input.id);
  return { id: input.id, saved: "signed" };
});

export async function signAgreementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await sign(prev, formData));
}

const terminate = formAction(terminateAgreementSchema, async ({ viewer, input }) => {
  await terminateAgreement(viewer, input);
  refresh(input.id);
  return { id: input.id, saved: "terminated" };
});

export async function terminateAgreementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await terminate(prev, formData));
}
