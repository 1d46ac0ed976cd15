"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { transitionComplaint } from "@/lib/data/complaints/transition";
import {
  addComplaintNote,
  assignComplaint,
  deleteComplaint,
  editComplaint,
  escalateComplaint,
  recordComplaint,
  restoreComplaint,
} from "@/lib/data/complaints/write";
import {
  assignComplaintSchema,
  complaintNoteSchema,
  complaintRefSchema,
  editComplaintSchema,
  escalateComplaintSchema,
  recordComplaintSchema,
  transitionComplaintSchema,
} from "@/lib/validation/complaints";

function refresh(id?: string, accountId?: string) {
  revalidatePath("/complaints");
  if (id) revalidatePath(`/complaints/${id}`);
  if (accountId) revalidatePath(`/accounts/${accountId}`);
  revalidatePath("/notifications");
}

const record = formAction(recordComplaintSchema, async ({ viewer, input }) => {
  const result = await recordComplaint(viewer, input);
  refresh(result.id, input.accountId);
  return result;
});

/** Records the complaint and opens it. */
export async function recordComplaintAction(
  prev: ActionState<{ id: string; number: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string; number: string }>> {
  const state = await record(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/complaints/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const editComplaintAction = formAction(
  editComplaintSchema,
  async ({ viewer, input }) => {
    await editComplaint(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.saved"),
);

export const transitionComplaintAction = formAction(
  transitionComplaintSchema,
  async ({ viewer, input }) => {
    const r = await transitionComplaint(viewer, input);
    refresh(r.id);
    return r;
  },
  (t, data) => t("complaints.actions.done", { status: t(`complaints.status.${data.status}`) }),
);

export const assignComplaintAction = formAction(
  assignComplaintSchema,
  async ({ viewer, input }) => {
    await assignComplaint(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.handOver.done"),
);

export const escalateComplaintAction = formAction(
  escalateComplaintSchema,
  async ({ viewer, input }) => {
    await escalateComplaint(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.escalate.done"),
);

export const complaintNoteAction = formAction(
  complaintNoteSchema,
  async ({ viewer, input }) => {
    await addComplaintNote(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.notes.done"),
);

export const deleteComplaintAction = formAction(
  complaintRefSchema,
  async ({ viewer, input }) => {
    await deleteComplaint(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.manage.deletedDone"),
);

export const restoreComplaintAction = formAction(
  complaintRefSchema,
  async ({ viewer, input }) => {
    await restoreComplaint(viewer, input);
    refresh(input.id);
  },
  (t) => t("complaints.manage.restoredDone"),
);
