import { describe, expect, it } from "vitest";
import {
  assembleWeeklyLog,
  weekBounds,
  type LogPlanInput,
  type LogRecordInput,
} from "@/lib/domain/weekly-log";

const at = (iso: string) => new Date(iso);
const names = new Map([
  ["c1", "刘总"],
  ["c2", "王工"],
  ["c3", "赵经理"],
]);

const record = (id: string, visitedAt: string, extra: Partial<LogRecordInput> = {}): LogRecordInput => ({
  id,
  visitedAt: at(visitedAt),
  accountId: "acc1",
  accountName: "苏州精工",
  contactIds: ["c1"],
  method: "IN_PERSON",
  outcome: "ADVANCED",
  talkingPoints: "技术交流",
  nextStep: null,
  ...extra,
});

const plan = (id: string, plannedStart: string, extra: Partial<LogPlanInput> = {}): LogPlanInput => ({
  id,
  plannedStart: at(plannedStart),
  accountId: "acc2",
  accountName: "宁波启航",
  contactIds: ["c3"],
  method: "PHONE",
  purpose: "回访",
  status: "APPROVED",
  ...extra,
});

describe("week bounds", () => {
  it("run Monday to Sunday in China from any day of the week", () => {
    const b = weekBounds("2026-12-06");
    expect(b.weekStart).toBe("2026-11-30");
    expect(b.weekEnd).toBe("2026-12-06");
    expect(b.start.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-12-06T16:00:00.000Z");
    expect(b.nextWeekStart).toBe("2026-12-07");
    expect(b.previousWeekStart).toBe("2026-11-23");
    expect(b.nextEnd.toISOString()).toBe("2026-12-13T16:00:00.000Z");
  });
});

describe("the weekly contact log's assembly", () => {
  const bounds = weekBounds("2026-12-02");

  it("lists the week's records earliest first, with the contacts met by name", () => {
    const log = assembleWeeklyLog(
      bounds,
      [
        record("r2", "2026-12-03T02:00:00Z", { contactIds: ["c1", "c2", "gone"], outcome: "SETBACK" }),
        record("r1", "2026-11-30T01:00:00Z", { method: "PHONE" }),
        // Sunday 29 November 23:30 UTC is Monday 07:30 in Beijing: this week.
        record("r0", "2026-11-29T23:30:00Z", { accountId: "acc9", outcome: null }),
        // Sunday 29 November 15:00 UTC is Sunday 23:00 in Beijing: last week.
        record("old", "2026-11-29T15:00:00Z"),
        // Monday 7 December 00:30 in Beijing: next week.
        record("next", "2026-12-06T16:30:00Z"),
      ],
      [],
      names,
    );
    expect(log.contacts.map((c) => c.recordId)).toEqual(["r0", "r1", "r2"]);
    expect(log.contacts[0]!.date).toBe("2026-11-30");
    expect(log.contacts[2]!.contacts).toEqual(["刘总", "王工"]); // an unknown (deleted) contact drops out
    expect(log.contacts[1]!.method).toBe("PHONE");
    expect(log.counts).toEqual({
      visits: 3,
      accounts: 2,
      people: 2,
      byOutcome: { ADVANCED: 1, NO_PROGRESS: 0, SETBACK: 1 },
    });
  });

  it("lists next week's plans that still go ahead, not cancelled or done ones, nor this week's", () => {
    const log = assembleWeeklyLog(
      bounds,
      [],
      [
        plan("p2", "2026-12-09T06:00:00Z"),
        plan("p1", "2026-12-06T17:00:00Z", { status: "SUBMITTED" }), // Monday 01:00 in Beijing
        plan("cancelled", "2026-12-08T02:00:00Z", { status: "CANCELLED" }),
        plan("done", "2026-12-08T02:00:00Z", { status: "DONE" }),
        plan("thisWeek", "2026-12-04T02:00:00Z"),
        plan("later", "2026-12-13T16:00:00Z"), // Monday 14 December in Beijing
      ],
      names,
    );
    expect(log.nextWeekPlans.map((p) => p.planId)).toEqual(["p1", "p2"]);
    expect(log.nextWeekPlans[0]).toMatchObject({ date: "2026-12-07", contacts: ["赵经理"], purpose: "回访" });
    expect(log.counts.visits).toBe(0);
  });

  it("is empty for an empty week", () => {
    const log = assembleWeeklyLog(bounds, [], [], names);
    expect(log.contacts).toEqual([]);
    expect(log.nextWeekPlans).toEqual([]);
    expect(log.counts.people).toBe(0);
  });
});
