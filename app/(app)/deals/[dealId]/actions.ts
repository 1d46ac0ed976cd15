"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import type { DealStage, DealStatus } from "@/lib/domain/pipeline";
import { updateDeal, updateStageWork } from "@/lib/data/deals/changes";
import { updateDecisionMakerRelationship } from "@/lib/data/deals/decision-makers";
import { moveDeal } from "@/lib/data/deals/moves";
import { deleteDeal, terminateDeal, winDeal } from "@/lib/data/deals/outcomes";
import {
  closingWorkSchema,
  decisionMakerRelationshipSchema,
  informationWorkSchema,
  moveDealSchema,
  recordRefSchema,
  targetWorkSchema,
  terminateDealSchema,
  updateDealSchema,
  valueWorkSchema,
  winDealSchema,
} from "@/lib/validation/deals";

type MoveAnswer = { status: DealStatus; stage: DealStage };
type WinAnswer = { dealId: string; agreementId: string };

// The deal page, its account (deals, agreements, lifecycle, timeline), the board and the agreement
// list all show a deal's stage and status.
function refresh(dealId: string, accountId: string | null) {
  revalidatePath(`/deals/${dealId}`);
  if (accountId) revalidatePath(`/accounts/${accountId}`);
  else revalidatePath("/accounts/[accountId]", "page");
  revalidatePath("/pipeline");
  revalidatePath("/agreements");
  revalidatePath("/");
}

export const updateDealAction = formAction(
  updateDealSchema,
  async ({ viewer, input }) => {
    const deal = await updateDeal(viewer, input);
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.header.saved"),
);

export const saveTargetWorkAction = formAction(
  targetWorkSchema,
  async ({ viewer, input }) => {
    const deal = await updateStageWork(viewer, { ...input, section: "TARGET" });
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.work.saved", { stage: t("gate.stages.TARGET") }),
);

export const saveInformationWorkAction = formAction(
  informationWorkSchema,
  async ({ viewer, input }) => {
    const deal = await updateStageWork(viewer, { ...input, section: "INFORMATION" });
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.work.saved", { stage: t("gate.stages.INFORMATION") }),
);

export const saveValueWorkAction = formAction(
  valueWorkSchema,
  async ({ viewer, input }) => {
    const deal = await updateStageWork(viewer, { ...input, section: "VALUE" });
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.work.saved", { stage: t("gate.stages.VALUE") }),
);

export const saveClosingWorkAction = formAction(
  closingWorkSchema,
  async ({ viewer, input }) => {
    const deal = await updateStageWork(viewer, { ...input, section: "CLOSING" });
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.work.saved", { stage: t("gate.stages.CLOSING") }),
);

/** A decision maker's relationship strength and 公关策略, raised where the stage-4 gate asks for it. */
export const saveDecisionMakerAction = formAction(
  decisionMakerRelationshipSchema,
  async ({ viewer, input }) => {
    const { dealId, ...change } = input;
    const contact = await updateDecisionMakerRelationship(viewer, change);
    refresh(dealId, contact.accountId);
    return { name: contact.name };
  },
  (t, data) => t("deal.raise.saved", { name: data.name }),
);

/** Forward, back, or 丢单 (to = "LOST" with a reason from the managed list); a gate's refusal names its unmet items (`gate`). */
export const moveDealAction = formAction(
  moveDealSchema,
  async ({ viewer, input }): Promise<MoveAnswer> => {
    const card = await moveDeal(viewer, input);
    refresh(card.id, card.accountId);
    return { status: card.status, stage: card.stage };
  },
  (t, data) =>
    data.status === "LOST"
      ? t("deal.move.lostDone")
      : t("deal.move.moved", { stage: t(`gate.stages.${data.stage}`) }),
);

/** 赢单 with the cooperation agreement; refused at the stage-5 gate with its unmet items (`gate`). */
export const winDealAction = formAction(
  winDealSchema,
  async ({ viewer, input }): Promise<WinAnswer> => {
    const { id, version, overrideReason, applyToValue, startDate, endDate, ...terms } = input;
    // winDealSchema's term check has made both dates present.
    const result = await winDeal(viewer, {
      id,
      version,
      overrideReason,
      applyToValue,
      agreement: { ...terms, startDate: startDate!, endDate: endDate! },
    });
    refresh(result.dealId, null);
    return result;
  },
  (t) => t("deal.win.done"),
);

export const terminateDealAction = formAction(
  terminateDealSchema,
  async ({ viewer, input }) => {
    const deal = await terminateDeal(viewer, input);
    refresh(deal.id, deal.accountId);
    return { id: deal.id };
  },
  (t) => t("deal.terminate.done"),
);

const remove = formAction(recordRefSchema, async ({ viewer, input }) => {
  const deal = await deleteDeal(viewer, input);
  refresh(deal.id, deal.accountId);
  return { accountId: deal.accountId };
});

/** Soft-deletes the deal and goes back to its account, where a manager can restore it. */
export async function deleteDealAction(
  prev: ActionState<{ accountId: string }>,
  formData: FormData,
): Promise<ActionState<{ accountId: string }>> {
  const state = await remove(prev, formData);
  if (state.status === "ok" && state.data)
    redirect(`/accounts/${encodeURIComponent(state.data.accountId)}#deals`);
  return state;
}
