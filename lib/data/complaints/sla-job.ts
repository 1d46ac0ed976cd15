import "server-only";
import type { JobResult } from "@/lib/jobs/types";

// CONTRACT (owned by the complaints slice; stub until it lands): marks SLA breaches and escalates
// them to the owner's manager with a notification, once per breach.
export async function runComplaintSlaJob(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
