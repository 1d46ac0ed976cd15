"use server";

import { toPipelineCard } from "@/components/pipeline/card-data";
import { objectAction } from "@/lib/actions/action";
import { moveDeal } from "@/lib/data/deals";
import { moveDealSchema } from "@/lib/validation/deals";

/**
 * A move from the board (drag and drop, keyboard, "Move to…", the gate dialog's override, the lost
 * dialog). The data layer checks scope, the gates and the version; the board puts the returned card
 * in place. No revalidatePath here on purpose: in a server action any revalidation makes Next render
 * the whole board again into the response (2,000 cards for a large team) for a change the board
 * already shows; every other page that shows deals renders per request.
 */
export const moveDealAction = objectAction(moveDealSchema, async ({ viewer, input }) => {
  const card = await moveDeal(viewer, input);
  return toPipelineCard(card, new Date());
});
