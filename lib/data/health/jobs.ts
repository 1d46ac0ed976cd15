import "server-only";
import type { JobResult } from "@/lib/jobs/types";
import { recomputeHealthBatch } from "./recompute";

// CONTRACT: recomputes every account's health in batches (time passing moves the recency and
// renewal factors, so a daily run keeps the at-risk list honest between events).
export async function runHealthRecompute(now: Date): Promise<JobResult> {
  const result = await recomputeHealthBatch({ now });
  return {
    processed: result.accounts,
    detail: { snapshots: result.snapshots, batches: result.batches, ms: result.ms },
  };
}
