import "server-only";
import { db } from "@/lib/db";
import type { JobResult } from "@/lib/jobs/types";
import { createServiceDueFollowUps } from "./due-sql";

// CONTRACT: service items coming due get a SERVICE_ITEM follow-up for their owner (one per item and
// due date, idempotent). Recording the delivery completes it (lib/data/service/deliveries.ts).
export async function runServiceDueJob(now: Date): Promise<JobResult> {
  return { processed: await createServiceDueFollowUps(db, now) };
}
