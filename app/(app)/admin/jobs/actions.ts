"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { runJobNowAs, setJobEnabled } from "@/lib/data/jobs";
import { jobRefSchema, jobToggleSchema } from "@/lib/validation/jobs";

export const toggleJobAction = formAction(
  jobToggleSchema,
  async ({ viewer, input }) => {
    await setJobEnabled(viewer, input.name, input.enabled);
    revalidatePath("/admin/jobs");
    return { name: input.name, enabled: input.enabled };
  },
  (t, data) => t(data.enabled ? "jobs.enabledNow" : "jobs.disabledNow", { name: data.name }),
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
  (t, data) =>
    data.reason === "busy"
      ? t("jobs.busy", { name: data.name })
      : data.reason === "disabled"
        ? t("jobs.disabledCannotRun", { name: data.name })
        : data.status === "FAILED"
          ? t("jobs.ranFailed", { name: data.name })
          : t("jobs.ranOk", { name: data.name, processed: data.processed }),
);
