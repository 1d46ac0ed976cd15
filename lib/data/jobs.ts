import "server-only";
import { db } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { findJob, JOBS } from "@/lib/jobs/registry";
import { newRunnerId, runJobNow, syncJobSchedules, type JobRunRecord } from "@/lib/jobs/runner";
import { mutate } from "./audit";

// /admin/jobs (定时任务): the schedule of every registered job, its recent runs, the enabled switch
// and "run now". Administrators only (admin.jobs); anyone else gets not found.

export type JobStatus = "RUNNING" | "SUCCEEDED" | "FAILED";

export type JobOverview = {
  name: string;
  intervalSeconds: number;
  enabled: boolean;
  nextRunAt: Date;
  running: boolean;
  lastRunAt: Date | null;
  lastStatus: JobStatus | null;
  lastProcessed: number | null;
};

export type JobRunRow = {
  id: string;
  name: string;
  runner: string;
  status: JobStatus;
  startedAt: Date;
  finishedAt: Date | null;
  processed: number;
  error: string | null;
};

export const RECENT_RUNS = 30;

function assertAdmin(viewer: Viewer) {
  if (!hasCapability(viewer, "admin.jobs")) throw notFound();
}

export async function listJobs(viewer: Viewer, now = new Date()): Promise<JobOverview[]> {
  assertAdmin(viewer);
  // A fresh install may show the page before the first tick wrote the rows.
  await syncJobSchedules(JOBS, now);
  const names = JOBS.map((j) => j.name);
  const [rows, lastRuns] = await Promise.all([
    db.jobSchedule.findMany({ where: { name: { in: names } } }),
    db.jobRun.findMany({
      where: { name: { in: names }, status: { not: "RUNNING" } },
      orderBy: { startedAt: "desc" },
      distinct: ["name"],
      select: { name: true, processed: true },
    }),
  ]);
  const byName = new Map(rows.map((r) => [r.name, r]));
  const processed = new Map(lastRuns.map((r) => [r.name, r.processed]));
  return JOBS.flatMap((job) => {
    const row = byName.get(job.name);
    if (!row) return [];
    return [
      {
        name: job.name,
        intervalSeconds: row.intervalSeconds,
        enabled: row.enabled,
        nextRunAt: row.nextRunAt,
        running: row.leaseUntil !== null && row.leaseUntil.getTime() >= now.getTime(),
        lastRunAt: row.lastRunAt,
        lastStatus: row.lastStatus,
        lastProcessed: processed.get(job.name) ?? null,
      },
    ];
  });
}

export async function listRecentJobRuns(viewer: Viewer, take = RECENT_RUNS): Promise<JobRunRow[]> {
  assertAdmin(viewer);
  return db.jobRun.findMany({
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      name: true,
      runner: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      processed: true,
      error: true,
    },
  });
}

/** Turns a job on or off for every process (the next tick of each reads it). */
export async function setJobEnabled(viewer: Viewer, name: string, enabled: boolean): Promise<void> {
  assertAdmin(viewer);
  if (!findJob(name)) throw notFound("job");
  await mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.jobSchedule.findUnique({ where: { name }, select: { enabled: true } });
    if (!before) throw notFound("job");
    await tx.jobSchedule.update({ where: { name }, data: { enabled } });
    await audit({ action: "job.toggle", entity: "JobSchedule", entityId: name, before, after: { enabled } });
  });
}

export type RunNowOutcome = { ran: true; run: JobRunRecord } | { ran: false; reason: "busy" | "disabled" };

/** "Run now": through the same lease as the schedule, so it never runs beside another run of the job. */
export async function runJobNowAs(viewer: Viewer, name: string): Promise<RunNowOutcome> {
  assertAdmin(viewer);
  const job = findJob(name);
  if (!job) throw notFound("job");
  const schedule = await db.jobSchedule.findUnique({ where: { name }, select: { enabled: true } });
  if (!schedule) throw notFound("job");
  if (!schedule.enabled) return { ran: false, reason: "disabled" };
  const run = await runJobNow(job, { runner: `${newRunnerId()}:${viewer.id}`, log: (l) => console.log(l) });
  if (!run) return { ran: false, reason: "busy" };
  await mutate(viewer, ({ audit }) =>
    audit({
      action: "job.run",
      entity: "JobRun",
      entityId: run.id,
      after: { name, status: run.status, processed: run.processed, error: run.error },
    }),
  );
  return { ran: true, run };
}
