"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { saveEvaluation } from "@/lib/data/distributor-scorecards/selection";
import { evaluationSchema } from "@/lib/validation/distributor-scorecards";

export const saveEvaluationAction = formAction(
  evaluationSchema,
  async ({ viewer, input }) => {
    const r = await saveEvaluation(viewer, input);
    revalidatePath(`/distributors/${input.distributorId}`, "layout");
    revalidatePath("/distributors/selection");
    return r;
  },
  (t, data) => t("distributorScorecards.evaluation.saved", { total: data.total }),
);
