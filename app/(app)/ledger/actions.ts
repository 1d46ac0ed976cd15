"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import {
  createLedgerLine,
  deleteLedgerLine,
  restoreLedgerLine,
  updateLedgerLine,
} from "@/lib/data/ledger/write";
import { createLedgerLineSchema, ledgerLineRefSchema, updateLedgerLineSchema } from "@/lib/validation/ledger";

// The ledger list, the line's page and its account's page (the revenue trend, maybe the value).
function refresh(lineId: string, accountId: string) {
  revalidatePath("/ledger");
  revalidatePath(`/ledger/${lineId}`);
  revalidatePath(`/accounts/${accountId}`);
}

type Saved = { id: string };

const create = formAction(createLedgerLineSchema, async ({ viewer, input }): Promise<Saved> => {
  const line = await createLedgerLine(viewer, input);
  refresh(line.id, line.accountId);
  return { id: line.id };
});

/** Books a line and opens it. */
export async function createLedgerLineAction(
  prev: ActionState<Saved>,
  formData: FormData,
): Promise<ActionState<Saved>> {
  const state = await create(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/ledger/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const updateLedgerLineAction = formAction(
  updateLedgerLineSchema,
  async ({ viewer, input }) => {
    const line = await updateLedgerLine(viewer, input);
    refresh(line.id, line.accountId);
    return { id: line.id };
  },
  (t) => t("ledger.line.saved"),
);

export const deleteLedgerLineAction = formAction(
  ledgerLineRefSchema,
  async ({ viewer, input }) => {
    const line = await deleteLedgerLine(viewer, input);
    refresh(line.id, line.accountId);
    return { id: line.id };
  },
  (t) => t("ledger.line.deleted"),
);

export const restoreLedgerLineAction = formAction(
  ledgerLineRefSchema,
  async ({ viewer, input }) => {
    const line = await restoreLedgerLine(viewer, input);
    refresh(line.id, line.accountId);
    return { id: line.id };
  },
  (t) => t("ledger.line.restored"),
);
