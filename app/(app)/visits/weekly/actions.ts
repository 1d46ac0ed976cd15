"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { commentWeeklyLog, saveWeeklyTexts } from "@/lib/data/visits/weekly-log";
import { weeklyCommentSchema, weeklyTextsSchema } from "@/lib/validation/visit-calendar";

/** The person's own summary of the week and plan for the next (客户联络表). */
export const saveWeeklyTextsAction = formAction(
  weeklyTextsSchema,
  async ({ viewer, input }) => {
    const saved = await saveWeeklyTexts(viewer, input);
    revalidatePath("/visits/weekly");
    return saved;
  },
  (t) => t("visitCalendar.weekly.textsSaved"),
);

/** The manager's comment on a person's week. */
export const commentWeeklyLogAction = formAction(
  weeklyCommentSchema,
  async ({ viewer, input }) => {
    const saved = await commentWeeklyLog(viewer, input);
    revalidatePath("/visits/weekly");
    return saved;
  },
  (t) => t("visitCalendar.weekly.commentSaved"),
);
