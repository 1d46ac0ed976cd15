"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/data/notifications";
import { noInputSchema, notificationRefSchema } from "@/lib/validation/visit-plans";

function refresh() {
  revalidatePath("/notifications");
  revalidatePath("/", "layout"); // the bell's count
}

export const markReadAction = formAction(notificationRefSchema, async ({ viewer, input }) => {
  await markNotificationRead(viewer, input);
  refresh();
  return { id: input.id };
});

export const markAllReadAction = formAction(
  noInputSchema,
  async ({ viewer }) => {
    const count = await markAllNotificationsRead(viewer);
    refresh();
    return { count };
  },
  (t, data) => t("visitPlans.notifications.allRead", { count: data.count }),
);
