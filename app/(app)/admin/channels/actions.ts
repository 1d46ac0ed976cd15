"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { assignChannelTerritory, removeChannelAssignment } from "@/lib/data/distributors/assignments";
import { channelAssignmentRefSchema, channelAssignmentSchema } from "@/lib/validation/distributors";

function refresh() {
  revalidatePath("/admin/channels");
  revalidatePath("/distributors");
}

export const assignChannelTerritoryAction = formAction(
  channelAssignmentSchema,
  async ({ viewer, input }) => {
    await assignChannelTerritory(viewer, input);
    refresh();
  },
  (t) => t("distributors.assignments.assigned"),
);

export const removeChannelAssignmentAction = formAction(
  channelAssignmentRefSchema,
  async ({ viewer, input }) => {
    await removeChannelAssignment(viewer, input);
    refresh();
  },
  (t) => t("distributors.assignments.removed"),
);
