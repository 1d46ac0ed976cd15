"use server";

import { createElement } from "react";
import { toPipelineCard } from "@/components/pipeline/card-data";
import { objectAction } from "@/lib/actions/action";
import { getBoardColumnPage } from "@/lib/data/deals/board";
import { getDealDetail } from "@/lib/data/deals/detail";
import { moveDeal } from "@/lib/data/deals/moves";
import { listOwnerOptions } from "@/lib/data/people";
import { gateChecklist, stagesToPass } from "@/lib/domain/pipeline";
import { boardColumnPageSchema, moveDealSchema, stageWorkQuerySchema } from "@/lib/validation/deals";
import { StageWork } from "@/app/(app)/deals/[dealId]/_components/stage-work";

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

/**
 * The board's panel: the stage work of a deal — its current stage, or the stages a move to `to`
 * passes — as the deal page renders it (the same forms and actions), with each of those gates'
 * checklist worked out now. Loaded again after every save in the panel, so the board decides on
 * the move from the deal as it is, at its current version.
 */
export const loadStageWorkAction = objectAction(stageWorkQuerySchema, async ({ viewer, input }) => {
  const deal = await getDealDetail(viewer, input.id);
  const editable = deal.status === "OPEN" && deal.canEdit;
  const stages = input.to ? stagesToPass(deal.stage, input.to) : [];
  const shown = stages.length ? stages : [deal.stage];
  const owners = editable ? await listOwnerOptions(viewer) : [];
  return {
    version: deal.version,
    stage: deal.stage,
    status: deal.status,
    checks: shown.map((stage) => ({ stage, items: gateChecklist(stage, deal.gate) })),
    content: createElement(StageWork, { deal, editable, owners, only: shown }),
  };
});
