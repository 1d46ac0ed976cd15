"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, objectAction } from "@/lib/actions/action";
import { echoValues, formDataToObject } from "@/lib/actions/form-data";
import type { ActionState } from "@/lib/actions/types";
import { createAccount, findSimilarAccounts } from "@/lib/data/accounts";
import { findCreditCodeHolder } from "@/lib/data/account-credit-code";
import { takeFromWindow } from "@/lib/domain/rate-window";
import { createAccountSchema, creditCodeField } from "@/lib/validation/accounts";
import { optionalId } from "@/lib/validation/primitives";
import type { CreditCodeCheckResult } from "@/components/accounts/credit-code-field";

type Similar = { id: string; name: string };
type Created = { kind: "created"; id: string } | { kind: "similar"; similar: Similar[] };

/** The create form's state: ActionState plus, when the name looks like an existing account, those accounts. */
export type CreateAccountState = ActionState<Created> & { similar?: Similar[] };

const create = formAction(createAccountSchema, async ({ viewer, input }): Promise<Created> => {
  if (!input.confirmSimilar) {
    const similar = await findSimilarAccounts(viewer, input.name);
    if (similar.length) return { kind: "similar", similar };
  }
  const { confirmSimilar: _confirmed, ...fields } = input;
  const account = await createAccount(viewer, fields);
  revalidatePath("/accounts");
  revalidatePath("/");
  return { kind: "created", id: account.id };
});

/**
 * Creates an account and opens its page. A name like an existing account's is answered with those
 * accounts (as links) and a "not a duplicate" box to tick; a taken credit code with a field error.
 */
export async function createAccountAction(
  prev: CreateAccountState,
  formData: FormData,
): Promise<CreateAccountState> {
  const state = await create(prev, formData);
  if (state.status !== "ok" || !state.data) return state;
  if (state.data.kind === "created") redirect(`/accounts/${encodeURIComponent(state.data.id)}`);
  const t = await getTranslations("accountPage");
  return {
    status: "error",
    code: "DUPLICATE",
    message: t("new.similarFound"),
    fieldErrors: { confirmSimilar: [t("new.similarConfirmNeeded")] },
    values: echoValues(formDataToObject(formData)),
    similar: state.data.similar,
    at: Date.now(),
  };
}

// Lookups per person: a blur or a complete code triggers one, so 30 a minute is far above typing
// and far below enumerating codes. Kept per process (a limit, not a security boundary: saving
// tells the same).
const LOOKUP_WINDOW = { limit: 30, windowMs: 60_000 };
const lookups = new Map<string, number[]>();

/**
 * The live check of a credit code while it is typed: the same rule as on saving, and whether an
 * account already holds it (with a link when the person may open that account). `accountId` is the
 * account being edited, whose own code is not "taken". Over the limit the format is still checked
 * and `registered` is unknown (saving checks it).
 */
export const checkCreditCodeAction = objectAction(
  z.object({ creditCode: creditCodeField, accountId: optionalId }),
  async ({ viewer, input }): Promise<CreditCodeCheckResult> => {
    const code = input.creditCode;
    if (!code) return { code, registered: false };
    const now = Date.now();
    const taken = takeFromWindow(lookups.get(viewer.id) ?? [], now, LOOKUP_WINDOW);
    lookups.set(viewer.id, taken.history);
    if (lookups.size > 10_000) lookups.clear(); // a bound on memory, not on anyone
    if (!taken.allowed) return { code, registered: null };
    const holder = await findCreditCodeHolder(viewer, code, input.accountId ?? undefined);
    return holder ? { code, registered: true, account: holder.account } : { code, registered: false };
  },
);
