import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db, Prisma } from "@/lib/db";
import { describeJobError, leaseEnd, nextRunAfter } from "@/lib/domain/jobs";
import { JOBS, type JobDefinition } from "./registry";

// The job runner. Every app process may run it: a job is claimed with ONE conditional UPDATE that
// takes a lease (due, enabled, nobody holding a live lease), so of several processes ticking at the
// same moment exactly one runs each job. A runner that dies leaves its lease to lapse; the next
// claim after leaseUntil takes the job over and marks the dead runner's run FAILED.

export type JobRunRecord = {
  id: string;
  name: string;
  status: "SUCCEEDED" | "FAILED";
  processed: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
};

export type RunnerOptions = {
  /** Who runs (hostname:pid:random); written to the lease and to each run. */
  runner: string;
  jobs?: readonly JobDefinition[];
  /** The clock (tests pass a fixed one). */
  clock?: () => Date;
  log?: (line: string) => void;
};

/** A name for this process's runner: unique even when two processes share a host and a pid namespace. */
export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** One schedule row per registered job; an existing row keeps its enabled switch and next run. */
export async function syncJobSchedules(
  jobs: readonly JobDefinition[] = JOBS,
  now = new Date(),
): Promise<void> {
  for (const job of jobs) {
    await db.jobSchedule.upsert({
      where: { name: job.name },
      create: { name: job.name, intervalSeconds: job.intervalSeconds, nextRunAt: now },
      update: { intervalSeconds: job.intervalSeconds },
    });
  }
}

type Claim = { name: string; nextRunAt: Date; intervalSeconds: number; leaseUntil: Date };

/**
 * Takes the job's lease if it may run now: enabled, due (or `manual`, which ignores the slot but
 * never a live lease), and not held. One UPDATE … WHERE … RETURNING: the database decides races.
 */
export async function claimJob(
  job: JobDefinition,
  runner: string,
  now: Date,
  { manual = false } = {},
): Promise<Claim | null> {
  const leaseUntil = leaseEnd(now, job.leaseSeconds);
  const rows = await db.jobSchedule.updateManyAndReturn({
    where: {
      name: job.name,
      enabled: true,
      ...(manual ? {} : { nextRunAt: { lte: now } }),
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseUntil, leasedBy: runner },
    select: { name: true, nextRunAt: true, intervalSeconds: true, leaseUntil: true },
  });
  const row = rows[0];
  return row ? { ...row, leaseUntil: row.leaseUntil ?? leaseUntil } : null;
}

/** Runs a claimed job: a RUNNING row, the handler, then the outcome, the next slot and the lease released. */
async function runClaimed(
  job: JobDefinition,
  claim: Claim,
  runner: string,
  clock: () => Date,
): Promise<JobRunRecord> {
  const startedAt = clock();
  // We hold the lease, so any run still RUNNING belongs to a runner whose lease lapsed.
  await db.jobRun.updateMany({
    where: { name: job.name, status: "RUNNING" },
    data: {
      status: "FAILED",
      finishedAt: startedAt,
      error: "The runner stopped before finishing (lease expired).",
    },
  });
  const run = await db.jobRun.create({ data: { name: job.name, runner, startedAt } });
  let status: "SUCCEEDED" | "FAILED" = "SUCCEEDED";
  let processed = 0;
  let detail: Prisma.InputJsonValue = {};
  let error: string | null = null;
  try {
    const result = await job.handler(startedAt);
    processed = Math.max(0, Math.trunc(result.processed)) || 0;
    detail = (result.detail ?? {}) as Prisma.InputJsonValue;
  } catch (e) {
    status = "FAILED";
    error = describeJobError(e);
  }
  const finishedAt = clock();
  await db.jobRun.update({ where: { id: run.id }, data: { status, processed, detail, error, finishedAt } });
  await db.jobSchedule.updateMany({
    where: { name: job.name, leasedBy: runner, leaseUntil: claim.leaseUntil },
    data: {
      leaseUntil: null,
      leasedBy: null,
      lastRunAt: startedAt,
      lastStatus: status,
      nextRunAt: nextRunAfter(claim.nextRunAt, finishedAt, claim.intervalSeconds),
    },
  });
  return { id: run.id, name: job.name, status, processed, error, startedAt, finishedAt };
}

function logRun(log: (line: string) => void, run: JobRunRecord) {
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  const tail = run.error ? ` error="${run.error}"` : "";
  log(`[jobs] ${run.name} ${run.status} processed=${run.processed} ${ms}ms${tail}`);
}

/** One tick: claims and runs every due job in turn. A job's failure is recorded, never thrown. */
export async function runDueJobs(options: RunnerOptions): Promise<JobRunRecord[]> {
  const { runner, jobs = JOBS, clock = () => new Date(), log = () => {} } = options;
  const now = clock();
  const due = await db.jobSchedule.findMany({
    where: {
      name: { in: jobs.map((j) => j.name) },
      enabled: true,
      nextRunAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    select: { name: true },
    orderBy: { nextRunAt: "asc" },
  });
  const runs: JobRunRecord[] = [];
  for (const { name } of due) {
    const job = jobs.find((j) => j.name === name)!;
    const claim = await claimJob(job, runner, clock());
    if (!claim) continue; // another process took it between the read and the claim
    const run = await runClaimed(job, claim, runner, clock);
    logRun(log, run);
    runs.push(run);
  }
  return runs;
}

/** "Run now": the same claim (never beside a live run), ignoring the schedule's slot. Null when held or disabled. */
export async function runJobNow(job: JobDefinition, options: RunnerOptions): Promise<JobRunRecord | null> {
  const { runner, clock = () => new Date(), log = () => {} } = options;
  const claim = await claimJob(job, runner, clock(), { manual: true });
  if (!claim) return null;
  const run = await runClaimed(job, claim, runner, clock);
  logRun(log, run);
  return run;
}
