"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { updateComplaintSla } from "@/lib/data/complaints/sla-settings";
import { complaintSlaSchema } from "@/lib/validation/complaints";

export const saveComplaintSlaAction = formAction(
  complaintSlaSchema,
  async ({ viewer, input }) => {
    await updateComplaintSla(viewer, input);
    revalidatePath("/admin/satisfaction/sla");
    return { severity: input.severity };
  },
  (t, data) => t("complaints.sla.saved", { severity: t(`complaints.severity.${data.severity}`) }),
);
