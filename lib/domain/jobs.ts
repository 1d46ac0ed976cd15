// Scheduled work (定时任务): the pure rules of the job runner. Every app process runs a ticker; a
// job is run by whichever process first takes its lease, so these rules decide when a job is due,
// when a lease has lapsed (its runner died) and how far apart the ticks are.

/** How long a claimed job may run before another process may take it over (its runner is presumed dead). */
export const DEFAULT_LEASE_SECONDS = 15 * 60;
/** The ticker's period; each tick waits this ± TICK_JITTER so processes started together drift apart. */
export const TICK_SECONDS = 30;
export const TICK_JITTER = 0.2;
/** Runs older than this are pruned by the job-runs.prune job. */
export const JOB_RUN_RETENTION_DAYS = 30;

export type LeaseState = { leaseUntil: Date | null };

/** A lease protects the job until its end; at that instant and after, it is free to take. */
export function leaseIsFree({ leaseUntil }: LeaseState, now: Date): boolean {
  return leaseUntil === null || leaseUntil.getTime() < now.getTime();
}

export function leaseEnd(now: Date, leaseSeconds = DEFAULT_LEASE_SECONDS): Date {
  return new Date(now.getTime() + leaseSeconds * 1000);
}

export type ScheduleState = LeaseState & { enabled: boolean; nextRunAt: Date };

/** Is the job due for the scheduler: enabled, its time has come and nobody holds it? */
export function jobIsDue(job: ScheduleState, now: Date): boolean {
  return job.enabled && job.nextRunAt.getTime() <= now.getTime() && leaseIsFree(job, now);
}

/**
 * When the job runs next after a run that finished at `finishedAt`. The cadence stays on its grid
 * (previous slot + k × interval) so a slow run does not push every later run back; slots missed
 * while the app was down are skipped, not replayed. A manual run ("run now") before the slot came
 * leaves the slot where it was.
 */
export function nextRunAfter(previousSlot: Date, finishedAt: Date, intervalSeconds: number): Date {
  const interval = Math.max(1, Math.floor(intervalSeconds)) * 1000;
  const prev = previousSlot.getTime();
  const done = finishedAt.getTime();
  if (prev > done) return new Date(prev);
  const steps = Math.floor((done - prev) / interval) + 1;
  return new Date(prev + steps * interval);
}

/** The wait before the next tick: TICK_SECONDS ± TICK_JITTER, from a random number in [0, 1). */
export function tickDelayMs(random: number, seconds = TICK_SECONDS, jitter = TICK_JITTER): number {
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(seconds * 1000 * (1 - jitter + 2 * jitter * r));
}

/** The oldest run kept when pruning the run history. */
export function runRetentionCutoff(now: Date, days = JOB_RUN_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** KEYSTONE_JOBS: "on" runs the ticker, "off" does not; unset means on (tests set it off). */
export function jobsEnabled(setting: string | undefined): boolean {
  const v = (setting ?? "").trim().toLowerCase();
  return !(v === "off" || v === "0" || v === "false");
}

/** An error's message for the run history: one line, bounded. */
export function describeJobError(error: unknown, max = 2000): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.replace(/\s+/g, " ").trim() || "Error";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
