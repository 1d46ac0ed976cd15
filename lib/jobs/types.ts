// What a scheduled job reports back to the runner (shown on /admin/jobs).
export type JobResult = { processed: number; detail?: Record<string, unknown> };

/** A job: idempotent — running it twice for the same moment changes nothing the second time. */
export type JobHandler = (now: Date) => Promise<JobResult>;
