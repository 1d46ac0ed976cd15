import { describe, expect, it } from "vitest";
import {
  describeJobError,
  jobIsDue,
  jobsEnabled,
  leaseEnd,
  leaseIsFree,
  nextRunAfter,
  runRetentionCutoff,
  tickDelayMs,
} from "@/lib/domain/jobs";

const at = (iso: string) => new Date(iso);

describe("nextRunAfter", () => {
  const slot = at("2026-12-04T10:00:00Z");
  it("moves to the next slot on the grid after a run that finished inside the interval", () => {
    expect(nextRunAfter(slot, at("2026-12-04T10:00:40Z"), 300)).toEqual(at("2026-12-04T10:05:00Z"));
  });
  it("a run finishing exactly on the next slot goes one further (strictly after the finish)", () => {
    expect(nextRunAfter(slot, at("2026-12-04T10:05:00Z"), 300)).toEqual(at("2026-12-04T10:10:00Z"));
  });
  it("skips the slots missed while the app was down instead of replaying them", () => {
    expect(nextRunAfter(slot, at("2026-12-04T13:17:00Z"), 3600)).toEqual(at("2026-12-04T14:00:00Z"));
  });
  it("a manual run before the slot leaves the slot where it was", () => {
    expect(nextRunAfter(slot, at("2026-12-04T09:30:00Z"), 3600)).toEqual(slot);
  });
  it("treats a nonsensical interval as one second, never looping forever", () => {
    expect(nextRunAfter(slot, at("2026-12-04T10:00:00.500Z"), 0)).toEqual(at("2026-12-04T10:00:01Z"));
  });
});

describe("leases", () => {
  const now = at("2026-12-04T10:00:00Z");
  it("a lease ends lease-seconds after the claim (15 minutes by default)", () => {
    expect(leaseEnd(now)).toEqual(at("2026-12-04T10:15:00Z"));
    expect(leaseEnd(now, 60)).toEqual(at("2026-12-04T10:01:00Z"));
  });
  it("a live lease blocks; one that has passed is free; none is free", () => {
    expect(leaseIsFree({ leaseUntil: at("2026-12-04T10:00:01Z") }, now)).toBe(false);
    expect(leaseIsFree({ leaseUntil: now }, now)).toBe(false);
    expect(leaseIsFree({ leaseUntil: at("2026-12-04T09:59:59Z") }, now)).toBe(true);
    expect(leaseIsFree({ leaseUntil: null }, now)).toBe(true);
  });
  it("a job is due only when enabled, its time has come and no live lease holds it", () => {
    const base = { enabled: true, nextRunAt: now, leaseUntil: null };
    expect(jobIsDue(base, now)).toBe(true);
    expect(jobIsDue({ ...base, enabled: false }, now)).toBe(false);
    expect(jobIsDue({ ...base, nextRunAt: at("2026-12-04T10:00:01Z") }, now)).toBe(false);
    expect(jobIsDue({ ...base, leaseUntil: at("2026-12-04T10:05:00Z") }, now)).toBe(false);
    expect(jobIsDue({ ...base, leaseUntil: at("2026-12-04T09:05:00Z") }, now)).toBe(true);
  });
});

describe("tickDelayMs", () => {
  it("stays within 30 s ± 20 % for any random number, clamping out-of-range ones", () => {
    expect(tickDelayMs(0)).toBe(24_000);
    expect(tickDelayMs(0.5)).toBe(30_000);
    expect(tickDelayMs(0.999999)).toBeLessThanOrEqual(36_000);
    expect(tickDelayMs(-3)).toBe(24_000);
    expect(tickDelayMs(7)).toBe(36_000);
    for (let i = 0; i < 200; i++) {
      const d = tickDelayMs(Math.random());
      expect(d).toBeGreaterThanOrEqual(24_000);
      expect(d).toBeLessThanOrEqual(36_000);
    }
  });
  it("differs between processes drawing different numbers (the point of the jitter)", () => {
    expect(tickDelayMs(0.1)).not.toBe(tickDelayMs(0.9));
  });
});

describe("settings and records", () => {
  it("KEYSTONE_JOBS is on unless switched off", () => {
    expect(jobsEnabled(undefined)).toBe(true);
    expect(jobsEnabled("on")).toBe(true);
    expect(jobsEnabled("off")).toBe(false);
    expect(jobsEnabled(" OFF ")).toBe(false);
    expect(jobsEnabled("0")).toBe(false);
  });
  it("keeps 30 days of runs", () => {
    expect(runRetentionCutoff(at("2026-12-31T00:00:00Z"))).toEqual(at("2026-12-01T00:00:00Z"));
  });
  it("an error becomes one bounded line", () => {
    expect(describeJobError(new TypeError("bad\n  thing"))).toBe("TypeError: bad thing");
    expect(describeJobError("plain")).toBe("plain");
    expect(describeJobError(new Error("x".repeat(5000))).length).toBe(2000);
  });
});
