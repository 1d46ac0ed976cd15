"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import {
  recomputeRebateStatement,
  reviewRebateStatement,
  saveRebateStatement,
  submitRebateStatement,
} from "@/lib/data/rebates/write";
import {
  computeStatementSchema,
  reviewStatementSchema,
  statementRefSchema,
} from "@/lib/validation/channel-agreements";

// Every step ends on the statement's page with `?saved=…` so its confirmation is shown there.

type Done = { id: string; saved: string };

const go = (state: ActionState<Done>) => {
  if (state.status === "ok" && state.data)
    redirect(`/rebates/${encodeURIComponent(state.data.id)}?saved=${state.data.saved}`);
  return state;
};

function refresh(id: string) {
  revalidatePath("/rebates");
  revalidatePath(`/rebates/${id}`);
}

const compute = formAction(computeStatementSchema, async ({ viewer, input }) => {
  const s = await saveRebateStatement(viewer, input);
  refresh(s.id);
  return { id: s.id, saved: "computed" };
});

export async function computeStatementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await compute(prev, formData));
}

const recompute = formAction(statementRefSchema, async ({ viewer, input }) => {
  await recomputeRebateStatement(viewer, input);
  refresh(input.id);
  return { id: input.id, saved: "recomputed" };
});

export async function recomputeStatementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await recompute(prev, formData));
}

const submit = formAction(statementRefSchema, async ({ viewer, input }) => {
  await submitRebateStatement(viewer, input);
  refresh(input.id);
  return { id: input.id, saved: "submitted" };
});

export async function submitStatementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await submit(prev, formData));
}

const review = formAction(reviewStatementSchema, async ({ viewer, input }) => {
  const r = await reviewRebateStatement(viewer, input);
  refresh(input.id);
  return { id: input.id, saved: r.status === "APPROVED" ? "approved" : "rejected" };
});

export async function reviewStatementAction(prev: ActionState<Done>, formData: FormData) {
  return go(await review(prev, formData));
}
