"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { createLostReason, setLostReasonDeleted, updateLostReason } from "@/lib/data/deals/lost-reasons";
import { updatePipelineSettings } from "@/lib/data/deals/settings";
import {
  lostReasonSchema,
  pipelineSettingsSchema,
  recordRefSchema,
  updateLostReasonSchema,
} from "@/lib/validation/deals";

// The thresholds drive the board (stale cards), the stage-4 gate (on every deal page) and the
// renewal list; the lost reasons fill the 丢单 pickers.
function refresh() {
  revalidatePath("/admin/pipeline");
  revalidatePath("/pipeline");
  revalidatePath("/agreements");
  revalidatePath("/deals/[dealId]", "page");
}

export const updatePipelineSettingsAction = formAction(
  pipelineSettingsSchema,
  async ({ viewer, input }) => {
    await updatePipelineSettings(viewer, input);
    refresh();
    return {};
  },
  (t) => t("pipelineAdmin.settings.saved"),
);

export const createLostReasonAction = formAction(
  lostReasonSchema,
  async ({ viewer, input }) => {
    const row = await createLostReason(viewer, input);
    refresh();
    return { name: viewer.locale === "zh-CN" ? row.name : row.nameEn };
  },
  (t, data) => t("pipelineAdmin.reasons.created", { name: data.name }),
);

export const updateLostReasonAction = formAction(
  updateLostReasonSchema,
  async ({ viewer, input }) => {
    const row = await updateLostReason(viewer, input);
    refresh();
    return { name: viewer.locale === "zh-CN" ? row.name : row.nameEn };
  },
  (t, data) => t("pipelineAdmin.reasons.updated", { name: data.name }),
);

export const deleteLostReasonAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const row = await setLostReasonDeleted(viewer, input, true);
    refresh();
    return { name: viewer.locale === "zh-CN" ? row.name : row.nameEn };
  },
  (t, data) => t("pipelineAdmin.reasons.deleted", { name: data.name }),
);

export const restoreLostReasonAction = formAction(
  recordRefSchema,
  async ({ viewer, input }) => {
    const row = await setLostReasonDeleted(viewer, input, false);
    refresh();
    return { name: viewer.locale === "zh-CN" ? row.name : row.nameEn };
  },
  (t, data) => t("pipelineAdmin.reasons.restored", { name: data.name }),
);
