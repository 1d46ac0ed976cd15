"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { createFeed, revokeFeed } from "@/lib/data/visits/calendar-feed";
import { feedSchema } from "@/lib/validation/visit-calendar";

/** A new feed URL for the viewer (the old one, if any, stops working). The token is shown once. */
export const createFeedAction = formAction(feedSchema, async ({ viewer }) => {
  const { token } = await createFeed(viewer);
  revalidatePath("/visits/calendar");
  return { path: `/api/calendar/${token}` };
});

export const revokeFeedAction = formAction(feedSchema, async ({ viewer }) => {
  const result = await revokeFeed(viewer);
  revalidatePath("/visits/calendar");
  return result;
});
