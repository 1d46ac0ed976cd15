"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { renewAgreement } from "@/lib/data/deals/agreements";
import { agreementSchema } from "@/lib/validation/deals";
import { fromDbDate } from "@/lib/domain/calendar";

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
      start: fromDbDate(renewed.startDate),
      end: fromDbDate(renewed.endDate),
    };
  },
  (t, data) => t("deal.renewal.done", { start: data.start, end: data.end }),
);
