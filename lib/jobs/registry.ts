import "server-only";
import { db } from "@/lib/db";
import { runComplaintSlaJob } from "@/lib/data/complaints/sla-job";
import { runDistributorScorecardsJob } from "@/lib/data/distributor-scorecards/job";
import { runHealthRecompute } from "@/lib/data/health/jobs";
import { runReceivablesAlerts } from "@/lib/data/receivables/alerts";
import { pruneRateLimits } from "@/lib/data/rate-limits";
import { runServiceDueJob } from "@/lib/data/service/jobs";
import { runSurveyExpiry, runSurveyReminders, runSurveyWaves } from "@/lib/data/surveys/jobs";
import { runRetentionCutoff } from "@/lib/domain/jobs";
import type { JobHandler } from "./types";

// Every scheduled job Keystone runs. The runner upserts a JobSchedule row per entry on start (an
// administrator's enabled switch is kept); /admin/jobs lists them in this order.

export type JobDefinition = {
  name: string;
  intervalSeconds: number;
  /** How long one run may take before another process presumes its runner dead (default 15 min). */
  leaseSeconds?: number;
  handler: JobHandler;
};

const MINUTE = 60;
const HOUR = 3600;

/** Keeps 30 days of run history. */
async function pruneJobRuns(now: Date) {
  const { count } = await db.jobRun.deleteMany({
    where: { startedAt: { lt: runRetentionCutoff(now) }, status: { not: "RUNNING" } },
  });
  return { processed: count };
}

export const JOBS: readonly JobDefinition[] = [
  { name: "complaints.sla", intervalSeconds: 5 * MINUTE, handler: runComplaintSlaJob },
  { name: "surveys.waves", intervalSeconds: HOUR, handler: runSurveyWaves },
  { name: "surveys.reminders", intervalSeconds: HOUR, handler: runSurveyReminders },
  { name: "surveys.expire", intervalSeconds: 15 * MINUTE, handler: runSurveyExpiry },
  { name: "service.due", intervalSeconds: HOUR, handler: runServiceDueJob },
  // Over-limit and overdue distributors, told to their channel manager once a day (de-duplicated
  // per China day, so the hourly check sends the day's alerts soon after midnight and no more).
  { name: "receivables.alerts", intervalSeconds: HOUR, handler: runReceivablesAlerts },
  { name: "health.recompute", intervalSeconds: 6 * HOUR, leaseSeconds: HOUR, handler: runHealthRecompute },
  {
    name: "rate-limits.prune",
    intervalSeconds: HOUR,
    handler: pruneRateLimits,
  },
  { name: "job-runs.prune", intervalSeconds: 24 * HOUR, handler: pruneJobRuns },
  // Quarterly in effect: daily, acting only when the quarter just ended has no scorecards yet.
  {
    name: "distributor-scorecards.quarter",
    intervalSeconds: 24 * HOUR,
    leaseSeconds: HOUR,
    handler: runDistributorScorecardsJob,
  },
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
