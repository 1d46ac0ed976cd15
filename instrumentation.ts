// Next.js calls register() once when a server process starts. Keystone starts its job runner here
// (lib/jobs): every app process ticks; the lease in JobSchedule makes one of them run each job.
// Not during `next build` (its workers call register() too), not on the edge runtime, and not
// when KEYSTONE_JOBS=off (the test servers set it; a spec that needs the runner turns it on).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { jobsEnabled } = await import("@/lib/domain/jobs");
  if (!jobsEnabled(process.env.KEYSTONE_JOBS)) return;
  const { startJobTicker } = await import("@/lib/jobs/ticker");
  startJobTicker({ stopOnSignals: true });
}
