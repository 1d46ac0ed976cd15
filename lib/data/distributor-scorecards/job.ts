import "server-only";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import { previousQuarter, quarterOf } from "@/lib/domain/distributor-scorecard";
import type { JobResult } from "@/lib/jobs/types";
import { computeQuarterForAll } from "./write";

/**
 * "distributor-scorecards.quarter": once a quarter has ended, computes its scorecards for every
 * signed or suspended distributor. It runs daily but acts once per quarter (when none exist yet),
 * so reviewers' open forms are not made stale by a daily recompute; a person recomputes by hand.
 */
export async function runDistributorScorecardsJob(now: Date): Promise<JobResult> {
  const q = previousQuarter(quarterOf(chinaDate(now)));
  const existing = await db.distributorScorecard.count({ where: { periodKey: q.key } });
  if (existing > 0) return { processed: 0, detail: { periodKey: q.key, skipped: "already computed" } };
  const processed = await computeQuarterForAll(q, { now });
  return { processed, detail: { periodKey: q.key } };
}
