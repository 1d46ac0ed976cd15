"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { setLedgerDrivesValue } from "@/lib/data/ledger/settings";
import { ledgerSettingsSchema } from "@/lib/validation/ledger";

export const updateLedgerSettingsAction = formAction(
  ledgerSettingsSchema,
  async ({ viewer, input }) => {
    const { rescored, settings } = await setLedgerDrivesValue(viewer, input);
    // Every account's value inputs, score, tier and history may have moved.
    revalidatePath("/admin/ledger");
    revalidatePath("/accounts", "layout");
    revalidatePath("/");
    return { rescored, on: settings.ledgerDrivesValue };
  },
  (t, data) => t("ledger.admin.saved", { count: data.rescored }),
);
