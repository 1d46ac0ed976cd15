"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { updateScoringSettings } from "@/lib/data/account-rescoring";
import { scoringSettingsSchema } from "@/lib/validation/scoring";

export const updateScoringAction = formAction(
  scoringSettingsSchema,
  async ({ viewer, input }) => {
    const { rescored } = await updateScoringSettings(viewer, input);
    // Every account's score, tier and history may have moved.
    revalidatePath("/admin/scoring");
    revalidatePath("/accounts", "layout");
    revalidatePath("/");
    return { rescored };
  },
  (t, data) => t("accountTools.scoring.saved", { count: data.rescored }),
);
