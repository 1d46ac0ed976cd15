"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { bulkUpdateAccounts } from "@/lib/data/accounts";
import { listOwnerOptions } from "@/lib/data/people";
import { createSavedView, deleteSavedView } from "@/lib/data/saved-views";
import { hasCapability } from "@/lib/domain/access";
import { forbidden } from "@/lib/errors";
import { bulkSchema } from "@/lib/validation/accounts";
import { createSavedViewSchema, deleteSavedViewSchema } from "@/lib/validation/saved-views";

/** Bulk reassign or bulk tier change of the accounts ticked in the list (managers and admins). */
export const bulkAccountsAction = formAction(
  bulkSchema,
  async ({ viewer, input }) => {
    // Bulk changes are managers' work, even where a key-account manager could edit each account.
    if (!hasCapability(viewer, "records.reassign")) throw forbidden();
    const { count } = await bulkUpdateAccounts(viewer, input);
    const owner = input.ownerId
      ? (await listOwnerOptions(viewer)).find((o) => o.id === input.ownerId)
      : undefined;
    revalidatePath("/accounts", "layout");
    revalidatePath("/");
    return { count, ownerName: owner?.name ?? "", tier: input.tier ?? "" };
  },
  (t, data, input) =>
    input.ownerId
      ? t("accountList.bulk.reassigned", { count: data.count, name: data.ownerName })
      : t("accountList.bulk.tierSet", { count: data.count, tier: data.tier }),
);

export const saveViewAction = formAction(
  createSavedViewSchema,
  async ({ viewer, input }) => {
    const view = await createSavedView(viewer, { scope: "accounts", ...input });
    revalidatePath("/accounts");
    return { id: view.id, name: view.name };
  },
  (t, data) => t("accountList.views.saved", { name: data.name }),
);

export const deleteViewAction = formAction(deleteSavedViewSchema, async ({ viewer, input }) => {
  const view = await deleteSavedView(viewer, input);
  revalidatePath("/accounts");
  return { id: view.id, name: view.name };
});
