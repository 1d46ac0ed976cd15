import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { JobDefinition } from "@/lib/jobs/registry";
import { claimJob, runDueJobs, runJobNow, syncJobSchedules } from "@/lib/jobs/runner";

// The runner against the real database: races between runners are decided by the conditional
// UPDATE, a dead runner's lease lapses, failures are recorded and the schedule moves on.

const T0 = new Date("2026-12-04T02:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const fixed = (d: Date) => () => d;

let seq = 0;
function testJob(overrides: Partial<JobDefinition> = {}): JobDefinition & { calls: Date[] } {
  const calls: Date[] = [];
  const job = {
    name: `test.job-${Date.now().toString(36)}-${seq++}`,
    intervalSeconds: 300,
    leaseSeconds: 60,
    handler: async (now: Date) => {
      calls.push(now);
      // Long enough that a racing runner's claim lands while this one holds the lease.
      await new Promise((r) => setTimeout(r, 30));
      return { processed: 2, detail: { note: "ok" } };
    },
    ...overrides,
  };
  return Object.assign(job, { calls });
}

async function due(job: JobDefinition, when = T0) {
  await syncJobSchedules([job], when);
}

const runsOf = (name: string) => db.jobRun.findMany({ where: { name }, orderBy: { startedAt: "asc" } });

describe("job runner", () => {
  let job: ReturnType<typeof testJob>;
  beforeEach(async () => {
    job = testJob();
    await due(job);
  });

  it("two runners racing on the same due job: exactly one runs it", async () => {
    const [a, b] = await Promise.all([
      runDueJobs({ runner: "runner-a", jobs: [job], clock: fixed(T0) }),
      runDueJobs({ runner: "runner-b", jobs: [job], clock: fixed(T0) }),
    ]);
    expect(a.length + b.length).toBe(1);
    expect(job.calls).toHaveLength(1);
    const runs = await runsOf(job.name);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "SUCCEEDED", processed: 2, detail: { note: "ok" } });
    const schedule = await db.jobSchedule.findUniqueOrThrow({ where: { name: job.name } });
    expect(schedule).toMatchObject({
      leaseUntil: null,
      leasedBy: null,
      lastStatus: "SUCCEEDED",
      lastRunAt: T0,
    });
    expect(schedule.nextRunAt).toEqual(at(300));
  });

  it("many claims at once (ten runners): one lease", async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimJob(job, `runner-${i}`, T0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("a job is not run again before its next slot", async () => {
    await runDueJobs({ runner: "runner-a", jobs: [job], clock: fixed(T0) });
    expect(await runDueJobs({ runner: "runner-a", jobs: [job], clock: fixed(at(299)) })).toHaveLength(0);
    expect(await runDueJobs({ runner: "runner-b", jobs: [job], clock: fixed(at(300)) })).toHaveLength(1);
    expect(job.calls).toEqual([T0, at(300)]);
  });

  it("a lease held by a dead runner blocks until it lapses, then is taken over", async () => {
    // runner-dead claimed and wrote its RUNNING row, then its process died.
    expect(await claimJob(job, "runner-dead", T0)).not.toBeNull();
    await db.jobRun.create({ data: { name: job.name, runner: "runner-dead", startedAt: T0 } });

    expect(await runDueJobs({ runner: "runner-b", jobs: [job], clock: fixed(at(30)) })).toHaveLength(0);
    expect(await runDueJobs({ runner: "runner-b", jobs: [job], clock: fixed(at(60)) })).toHaveLength(0);
    const taken = await runDueJobs({ runner: "runner-b", jobs: [job], clock: fixed(at(61)) });
    expect(taken).toHaveLength(1);

    const runs = await runsOf(job.name);
    expect(runs.map((r) => [r.runner, r.status])).toEqual([
      ["runner-dead", "FAILED"],
      ["runner-b", "SUCCEEDED"],
    ]);
    expect(runs[0]?.error).toMatch(/lease expired/);
    // The late finisher's release must not clobber the new holder's schedule.
    const schedule = await db.jobSchedule.findUniqueOrThrow({ where: { name: job.name } });
    expect(schedule.leasedBy).toBeNull();
    expect(schedule.nextRunAt).toEqual(at(300));
  });

  it("a failing handler records FAILED with the error, and the next run is still scheduled", async () => {
    const failing = testJob({
      handler: async () => {
        throw new Error("ledger unreachable");
      },
    });
    await due(failing);
    const lines: string[] = [];
    const [run] = await runDueJobs({
      runner: "runner-a",
      jobs: [failing],
      clock: fixed(T0),
      log: (l) => lines.push(l),
    });
    expect(run).toMatchObject({ status: "FAILED", processed: 0, error: "Error: ledger unreachable" });
    const [stored] = await runsOf(failing.name);
    expect(stored).toMatchObject({ status: "FAILED", error: "Error: ledger unreachable" });
    expect(stored?.finishedAt).toEqual(T0);
    const schedule = await db.jobSchedule.findUniqueOrThrow({ where: { name: failing.name } });
    expect(schedule).toMatchObject({ lastStatus: "FAILED", leaseUntil: null, nextRunAt: at(300) });
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[jobs\] test\.job-\S+ FAILED processed=0 \d+ms error="Error: ledger unreachable"$/,
      ),
    ]);
  });

  it("disabled jobs don't run, neither on schedule nor by run-now", async () => {
    await db.jobSchedule.update({ where: { name: job.name }, data: { enabled: false } });
    expect(await runDueJobs({ runner: "runner-a", jobs: [job], clock: fixed(at(3600)) })).toHaveLength(0);
    expect(await runJobNow(job, { runner: "runner-a", clock: fixed(at(3600)) })).toBeNull();
    expect(job.calls).toHaveLength(0);
  });

  it("run-now ignores the slot but never runs beside a live lease, and keeps the slot", async () => {
    await runDueJobs({ runner: "runner-a", jobs: [job], clock: fixed(T0) });
    const manual = await runJobNow(job, { runner: "admin", clock: fixed(at(100)) });
    expect(manual?.status).toBe("SUCCEEDED");
    expect((await db.jobSchedule.findUniqueOrThrow({ where: { name: job.name } })).nextRunAt).toEqual(
      at(300),
    );

    expect(await claimJob(job, "runner-a", at(200), { manual: true })).not.toBeNull();
    expect(await runJobNow(job, { runner: "admin", clock: fixed(at(210)) })).toBeNull();
    expect(job.calls).toEqual([T0, at(100)]);
  });

  it("registry upsert keeps an administrator's enabled switch and the schedule, updates the interval", async () => {
    await db.jobSchedule.update({ where: { name: job.name }, data: { enabled: false } });
    await syncJobSchedules([{ ...job, intervalSeconds: 900 }], at(5000));
    const schedule = await db.jobSchedule.findUniqueOrThrow({ where: { name: job.name } });
    expect(schedule).toMatchObject({ enabled: false, intervalSeconds: 900, nextRunAt: T0 });
  });
});
