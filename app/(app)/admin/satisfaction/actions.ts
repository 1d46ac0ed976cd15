"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { saveSatisfactionSettings } from "@/lib/data/surveys/settings";
import { satisfactionSettingsSchema } from "@/lib/validation/surveys";

export const saveSatisfactionSettingsAction = formAction(
  satisfactionSettingsSchema,
  async ({ viewer, input }) => {
    const saved = await saveSatisfactionSettings(viewer, input);
    revalidatePath("/admin/satisfaction");
    return { version: saved.version };
  },
  (t) => t("surveys.settings.saved"),
);
