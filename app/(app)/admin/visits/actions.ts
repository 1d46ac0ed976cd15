"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { saveVisitSettings } from "@/lib/data/visits/settings-save";
import { visitSettingsSchema } from "@/lib/validation/visit-plans";

export const saveVisitSettingsAction = formAction(
  visitSettingsSchema,
  async ({ viewer, input }) => {
    const saved = await saveVisitSettings(viewer, input);
    revalidatePath("/admin/visits");
    return { version: saved.version };
  },
  (t) => t("visitPlans.settings.saved"),
);
