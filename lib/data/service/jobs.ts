import "server-only";
import type { JobResult } from "@/lib/jobs/types";

// CONTRACT (owned by the service/health slice; stub until it lands): service items coming due get a
// SERVICE_ITEM follow-up for their owner (one per item and due date).
export async function runServiceDueJob(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
