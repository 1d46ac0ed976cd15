"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { deleteVisitRecord, restoreVisitRecord, updateVisitRecord } from "@/lib/data/visits/records";
import { updateVisitRecordSchema, visitRecordRefSchema } from "@/lib/validation/visit-records";

function refresh(id: string, accountId: string) {
  revalidatePath(`/visits/${id}`);
  revalidatePath("/visits");
  revalidatePath(`/accounts/${accountId}`);
  revalidatePath("/");
}

export const updateVisitRecordAction = formAction(
  updateVisitRecordSchema,
  async ({ viewer, input }) => {
    const after = await updateVisitRecord(viewer, input);
    refresh(after.id, after.accountId);
    return { id: after.id };
  },
  (t) => t("visits.detail.saved"),
);

export const deleteVisitRecordAction = formAction(
  visitRecordRefSchema,
  async ({ viewer, input }) => {
    const after = await deleteVisitRecord(viewer, input);
    refresh(after.id, after.accountId);
    return { id: after.id };
  },
  (t) => t("visits.detail.deleted"),
);

export const restoreVisitRecordAction = formAction(
  visitRecordRefSchema,
  async ({ viewer, input }) => {
    const after = await restoreVisitRecord(viewer, input);
    refresh(after.id, after.accountId);
    return { id: after.id };
  },
  (t) => t("visits.detail.restored"),
);
