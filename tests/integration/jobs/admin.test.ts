import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listJobs, listRecentJobRuns, runJobNowAs, setJobEnabled } from "@/lib/data/jobs";
import { JOBS } from "@/lib/jobs/registry";
import { auditRowsFor, outcome, viewerFor } from "../helpers";

// /admin/jobs through lib/data: administrators only, every change audited, "run now" through the lease.

describe("admin jobs", () => {
  it("names every registered job in English and in Chinese", () => {
    for (const locale of ["en", "zh-CN"]) {
      const file = path.join(process.cwd(), "messages", locale, "jobs.json");
      const names = (JSON.parse(fs.readFileSync(file, "utf8")) as { names: Record<string, unknown> }).names;
      for (const job of JOBS) {
        const label = job.name
          .split(".")
          .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], names);
        expect(typeof label === "string" && label.length > 0, `${locale}: jobs.names.${job.name}`).toBe(true);
      }
    }
  });

  it("lists every registered job for an administrator; anyone else gets not found", async () => {
    const admin = await viewerFor("usr_admin");
    const jobs = await listJobs(admin);
    expect(jobs.map((j) => j.name)).toEqual(JOBS.map((j) => j.name));
    expect(jobs.find((j) => j.name === "complaints.sla")).toMatchObject({
      intervalSeconds: 300,
      enabled: true,
    });

    const manager = await viewerFor("usr_east_manager");
    expect(await outcome(listJobs(manager))).toBe("NOT_FOUND");
    expect(await outcome(listRecentJobRuns(manager))).toBe("NOT_FOUND");
    expect(await outcome(runJobNowAs(manager, "rate-limits.prune"))).toBe("NOT_FOUND");
    expect(await outcome(setJobEnabled(manager, "rate-limits.prune", false))).toBe("NOT_FOUND");
    expect(await outcome(runJobNowAs(admin, "no.such-job"))).toBe("NOT_FOUND");
  });

  it("run now runs the real job, records the run and audits it", async () => {
    const admin = await viewerFor("usr_admin");
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    await db.rateLimitCounter.createMany({
      data: [
        { key: "it-jobs:expired", count: 3, windowStart: past, expiresAt: past },
        { key: "it-jobs:live", count: 1, windowStart: past, expiresAt: future },
      ],
    });
    const result = await runJobNowAs(admin, "rate-limits.prune");
    expect(result.ran).toBe(true);
    if (!result.ran) return;
    expect(result.run).toMatchObject({ status: "SUCCEEDED" });
    expect(result.run.processed).toBeGreaterThanOrEqual(1);
    const keys = (await db.rateLimitCounter.findMany({ where: { key: { startsWith: "it-jobs:" } } })).map(
      (r) => r.key,
    );
    expect(keys).toEqual(["it-jobs:live"]);

    const runs = await listRecentJobRuns(admin);
    // (Other files' runs may be dated later: find this one rather than taking the first.)
    expect(runs.find((r) => r.id === result.run.id)).toMatchObject({
      name: "rate-limits.prune",
      status: "SUCCEEDED",
    });
    const audit = await auditRowsFor(result.run.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["job.run", "usr_admin"]]);
    const listed = (await listJobs(admin)).find((j) => j.name === "rate-limits.prune");
    expect(listed).toMatchObject({
      lastStatus: "SUCCEEDED",
      lastProcessed: result.run.processed,
      running: false,
    });
  });

  it("the switch turns a job off (run now refused) and on again, audited both ways", async () => {
    const admin = await viewerFor("usr_admin");
    await setJobEnabled(admin, "job-runs.prune", false);
    expect(await runJobNowAs(admin, "job-runs.prune")).toEqual({ ran: false, reason: "disabled" });
    await setJobEnabled(admin, "job-runs.prune", true);
    const audit = await auditRowsFor("job-runs.prune");
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["job.toggle", { enabled: true }, { enabled: false }],
      ["job.toggle", { enabled: false }, { enabled: true }],
    ]);
  });

  it("run now while another process holds the lease says busy and runs nothing", async () => {
    const admin = await viewerFor("usr_admin");
    await db.jobSchedule.update({
      where: { name: "service.due" },
      data: { leaseUntil: new Date(Date.now() + 60_000), leasedBy: "other-process" },
    });
    const before = await db.jobRun.count({ where: { name: "service.due" } });
    expect(await runJobNowAs(admin, "service.due")).toEqual({ ran: false, reason: "busy" });
    expect(await db.jobRun.count({ where: { name: "service.due" } })).toBe(before);
    expect((await listJobs(admin)).find((j) => j.name === "service.due")?.running).toBe(true);
    await db.jobSchedule.update({
      where: { name: "service.due" },
      data: { leaseUntil: null, leasedBy: null },
    });
  });
});
