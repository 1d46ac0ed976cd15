"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { saveScorecardSettings } from "@/lib/data/distributor-scorecards/settings";
import { scorecardSettingsSchema } from "@/lib/validation/distributor-scorecards";

export const saveScorecardSettingsAction = formAction(
  scorecardSettingsSchema,
  async ({ viewer, input }) => {
    await saveScorecardSettings(viewer, input);
    revalidatePath("/admin/channels/scorecards");
  },
  (t) => t("distributorScorecards.admin.scorecards.saved"),
);
