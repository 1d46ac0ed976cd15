"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import {
  addConflictNote,
  escalateConflict,
  openConflict,
  recordCauseAnalysis,
  reopenConflict,
  resolveConflict,
} from "@/lib/data/channel-conflicts/write";
import {
  conflictCauseSchema,
  conflictNoteSchema,
  escalateConflictSchema,
  openConflictSchema,
  reopenConflictSchema,
  resolveConflictSchema,
} from "@/lib/validation/channel-conflicts";

// Thin: the data layer checks scope, rights at the case's step and the version; these validate,
// call it and refresh the pages that show the case.

function refresh(id?: string) {
  revalidatePath("/channel-conflicts");
  revalidatePath("/channel-conflicts/lessons");
  if (id) revalidatePath(`/channel-conflicts/${id}`);
}

const open = formAction(openConflictSchema, async ({ viewer, input }) => {
  const result = await openConflict(viewer, input);
  refresh(result.id);
  return result;
});

/** Opens a case by hand and shows it. */
export async function openConflictAction(
  prev: ActionState<{ id: string; number: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string; number: string }>> {
  const state = await open(prev, formData);
  if (state.status === "ok" && state.data)
    redirect(`/channel-conflicts/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const escalateConflictAction = formAction(
  escalateConflictSchema,
  async ({ viewer, input }) => {
    const r = await escalateConflict(viewer, input);
    refresh(r.id);
    return r;
  },
  (t, data) =>
    t("channelConflicts.actions.escalate.done", { status: t(`channelConflicts.status.${data.status}`) }),
);

export const conflictCauseAction = formAction(
  conflictCauseSchema,
  async ({ viewer, input }) => {
    await recordCauseAnalysis(viewer, input);
    refresh(input.id);
  },
  (t) => t("channelConflicts.actions.analyse.done"),
);

export const resolveConflictAction = formAction(
  resolveConflictSchema,
  async ({ viewer, input }) => {
    await resolveConflict(viewer, input);
    refresh(input.id);
  },
  (t) => t("channelConflicts.actions.resolve.done"),
);

export const reopenConflictAction = formAction(
  reopenConflictSchema,
  async ({ viewer, input }) => {
    await reopenConflict(viewer, input);
    refresh(input.id);
  },
  (t) => t("channelConflicts.actions.reopen.done"),
);

export const conflictNoteAction = formAction(
  conflictNoteSchema,
  async ({ viewer, input }) => {
    await addConflictNote(viewer, input);
    refresh(input.id);
  },
  (t) => t("channelConflicts.actions.note.done"),
);
