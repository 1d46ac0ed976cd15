"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { renewAgreement } from "@/lib/data/deals/agreements";
import { agreementSchema } from "@/lib/validation/deals";

/** 续签: the next term of an agreement, as a new agreement linked to the one it renews. */
export const renewAgreementAction = formAction(
  agreementSchema,
  async ({ viewer, input }) => {
    // agreementSchema's term check has made both dates present.
    const renewed = await renewAgreement(viewer, {
      ...input,
      startDate: input.startDate!,
      endDate: input.endDate!,
    });
    revalidatePath("/agreements");
    revalidatePath(`/accounts/${renewed.accountId}`);
    return {
      start: renewed.startDate.toISOString().slice(0, 10),
      end: renewed.endDate.toISOString().slice(0, 10),
    };
  },
  (t, data) => t("deal.renewal.done", { start: data.start, end: data.end }),
);
