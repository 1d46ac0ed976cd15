"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import type { Translate } from "@/lib/actions/run";
import { runJobNowAs, setJobEnabled } from "@/lib/data/jobs";
import { jobRefSchema, jobToggleSchema } from "@/lib/validation/jobs";

export const toggleJobAction = formAction(
  jobToggleSchema,
  async ({ viewer, input }) => {
    await setJobEnabled(viewer, input.name, input.enabled);
    revalidatePath("/admin/jobs");
    return { name: input.name, enabled: input.enabled };
  },
  (t, data) =>
    t(data.enabled ? "jobs.enabledNow" : "jobs.disabledNow", { name: t(`jobs.names.${data.name}`) }),
);

export const runJobNowAction = formAction(
  jobRefSchema,
  async ({ viewer, input }) => {
    const outcome = await runJobNowAs(viewer, input.name);
    revalidatePath("/admin/jobs");
    return outcome.ran
      ? { name: input.name, status: outcome.run.status, processed: outcome.run.processed, reason: null }
      : { name: input.name, status: null, processed: 0, reason: outcome.reason };
  },
  (t, data) => success(t, data),
);

/** The outcome in words, naming the job as the page does. */
function success(
  t: Translate,
  data: { name: string; status: "SUCCEEDED" | "FAILED" | null; processed: number; reason: string | null },
) {
  const name = t(`jobs.names.${data.name}`);
  if (data.reason === "busy") return t("jobs.busy", { name });
  if (data.reason === "disabled") return t("jobs.disabledCannotRun", { name });
  if (data.status === "FAILED") return t("jobs.ranFailed", { name });
  return t("jobs.ranOk", { name, processed: data.processed });
}
