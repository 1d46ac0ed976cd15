import "server-only";
import type { JobResult } from "@/lib/jobs/types";

// CONTRACT (owned by the service/health slice; stub until it lands): recomputes every account's
// health in batches (time passing moves recency and renewal factors).
export async function runHealthRecompute(now: Date): Promise<JobResult> {
  void now;
  return { processed: 0 };
}
