"use server";

import { toPipelineCard } from "@/components/pipeline/card-data";
import { objectAction } from "@/lib/actions/action";
import { getBoardColumnPage } from "@/lib/data/deals/board";
import { moveDeal } from "@/lib/data/deals/moves";
import { boardColumnPageSchema, moveDealSchema } from "@/lib/validation/deals";

/**
 * A move from the board (drag and drop, keyboard, "Move to…", the gate dialog's override, the lost
 * dialog). The data layer checks scope, the gates and the version; the board puts the returned card
 * in place, or shows the unmet gate items the refusal names (`gate`). No revalidatePath here on
 * purpose: in a server action any revalidation makes Next render the whole board again into the
 * response for a change the board already shows; every other page that shows deals renders per
 * request.
 */
export const moveDealAction = objectAction(moveDealSchema, async ({ viewer, input }) => {
  const card = await moveDeal(viewer, input);
  return toPipelineCard(card, new Date());
});

/** The next page of one column, as the board scrolls to its end (scoped like the board itself). */
export const loadColumnAction = objectAction(boardColumnPageSchema, async ({ viewer, input }) => {
  const now = new Date();
  const page = await getBoardColumnPage(
    viewer,
    { filters: input.query, column: input.column, after: input.after },
    now,
  );
  return { cards: page.cards.map((c) => toPipelineCard(c, now)), more: page.more };
});
