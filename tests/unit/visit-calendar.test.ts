import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import {
  addMonths,
  calendarRange,
  chinaTime,
  groupByDay,
  isoWeekday,
  mergeEvents,
  mondayOf,
  monthGrid,
  recordEnd,
  shiftAnchor,
  weekKey,
  type CalendarEvent,
} from "@/lib/domain/visit-calendar";
import { isFarCheckIn, summariseTeamDay } from "@/lib/domain/team-day";

const at = (iso: string) => new Date(iso);

describe("week keys", () => {
  it("are the Monday of the week in China", () => {
    expect(isoWeekday("2026-11-30")).toBe(1); // a Monday
    expect(isoWeekday("2026-12-06")).toBe(7); // a Sunday
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(weekKey(at("2026-12-02T04:00:00Z"))).toBe("2026-11-30");
  });

  it("put 23:30 UTC on Sunday into the next week: it is Monday morning in China", () => {
    // Sunday 6 December 23:30 UTC = Monday 7 December 07:30 in Beijing.
    expect(chinaDate(at("2026-12-06T23:30:00Z"))).toBe("2026-12-07");
    expect(weekKey(at("2026-12-06T23:30:00Z"))).toBe("2026-12-07");
    // Sunday 6 December 15:59 UTC is still Sunday 23:59 in Beijing.
    expect(weekKey(at("2026-12-06T15:59:00Z"))).toBe("2026-11-30");
  });

  it("are always a Monday no more than six days before the instant's China date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          const key = weekKey(d);
          const day = chinaDate(d);
          expect(isoWeekday(key)).toBe(1);
          expect(key <= day).toBe(true);
          expect(addDays(key, 6) >= day).toBe(true);
        },
      ),
    );
  });
});

describe("calendar ranges", () => {
  it("a day view covers the China day, from 16:00 UTC the day before", () => {
    const r = calendarRange("day", "2026-12-02");
    expect(r.days).toEqual(["2026-12-02"]);
    expect(r.start.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-12-02T16:00:00.000Z");
  });

  it("a week view runs Monday to Sunday whatever day is asked for", () => {
    for (const d of ["2026-11-30", "2026-12-02", "2026-12-06"]) {
      const r = calendarRange("week", d);
      expect(r.from).toBe("2026-11-30");
      expect(r.to).toBe("2026-12-07");
      expect(r.days).toHaveLength(7);
      expect(r.start.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    }
  });

  it("a month view is whole weeks around the month", () => {
    const r = calendarRange("month", "2026-12-15");
    // 1 December 2026 is a Tuesday, 31 December a Thursday.
    expect(r.from).toBe("2026-11-30");
    expect(r.to).toBe("2027-01-04");
    expect(r.days.length % 7).toBe(0);
    const grid = monthGrid("2026-12-15", "2026-12-02");
    expect(grid).toHaveLength(5);
    expect(grid[0]![0]).toEqual({ date: "2026-11-30", inMonth: false, isToday: false });
    expect(grid[0]![1]).toEqual({ date: "2026-12-01", inMonth: true, isToday: false });
    expect(grid[0]![2]!.isToday).toBe(true);
    expect(grid.flat().filter((c) => c.inMonth)).toHaveLength(31);
  });

  it("a February starting on Monday fills exactly four weeks", () => {
    // 1 February 2027 is a Monday, and 2027 is not a leap year.
    expect(monthGrid("2027-02-10", "2027-02-10")).toHaveLength(4);
  });

  it("moves by a day, a week or a month, keeping the day within the month", () => {
    expect(shiftAnchor("day", "2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftAnchor("week", "2026-12-02", -1)).toBe("2026-11-25");
    expect(shiftAnchor("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(shiftAnchor("month", "2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });
});

const event = (id: string, start: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  kind: "record",
  id,
  start: at(start),
  end: recordEnd(at(start), null),
  accountId: "a",
  accountName: "客户",
  method: "IN_PERSON",
  place: null,
  status: null,
  ownerName: "张磊",
  ...extra,
});

describe("grouping events into China days", () => {
  it("files an event at 23:30 UTC under the next China day, in time order", () => {
    const days = calendarRange("week", "2026-12-02").days;
    const grouped = groupByDay(
      [
        event("late", "2026-12-01T23:30:00Z"),
        event("early", "2026-12-01T01:00:00Z"),
        event("out", "2026-12-20T01:00:00Z"),
      ],
      (e) => e.start,
      days,
    );
    expect(grouped.get("2026-12-01")!.map((e) => e.id)).toEqual(["early"]);
    expect(grouped.get("2026-12-02")!.map((e) => e.id)).toEqual(["late"]);
    expect([...grouped.values()].flat().map((e) => e.id)).not.toContain("out");
    expect(grouped.get("2026-12-06")).toEqual([]);
    expect(chinaTime(at("2026-12-01T23:30:00Z"))).toBe("07:30");
  });

  it("shows a plan closed by a record once, as the record", () => {
    const plan = { ...event("p1", "2026-12-01T01:00:00Z", { kind: "plan" }), recordId: "r1" };
    const open = { ...event("p2", "2026-12-01T03:00:00Z", { kind: "plan" }), recordId: null };
    const merged = mergeEvents([plan, open], [event("r1", "2026-12-01T02:00:00Z")]);
    expect(merged.map((e) => `${e.kind}:${e.id}`)).toEqual(["record:r1", "plan:p2"]);
  });

  it("gives a record without a duration an hour", () => {
    expect(recordEnd(at("2026-12-01T01:00:00Z"), null).toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(recordEnd(at("2026-12-01T01:00:00Z"), 30).toISOString()).toBe("2026-12-01T01:30:00.000Z");
  });
});

describe("the team's day", () => {
  const rec = (id: string, ownerId: string, visitedAt: string, distance: number | null, checkIn = true) => ({
    id,
    ownerId,
    visitedAt: at(visitedAt),
    accountId: `acc-${id}`,
    accountName: "客户",
    outcome: null,
    checkInAt: checkIn ? at(visitedAt) : null,
    checkInDistanceM: distance,
  });

  it("flags check-ins beyond the radius, not those without a known distance", () => {
    expect(isFarCheckIn(1001, 1000)).toBe(true);
    expect(isFarCheckIn(1000, 1000)).toBe(false);
    expect(isFarCheckIn(null, 1000)).toBe(false);
  });

  it("splits each person's week into today and counts, in China days", () => {
    const [a, b] = summariseTeamDay(
      [{ id: "u1" }, { id: "u2" }],
      [
        {
          id: "p1",
          ownerId: "u1",
          plannedStart: at("2026-12-01T23:30:00Z"),
          status: "APPROVED",
          accountId: "x",
          accountName: "X",
        },
        {
          id: "p2",
          ownerId: "u1",
          plannedStart: at("2026-12-03T02:00:00Z"),
          status: "CANCELLED",
          accountId: "x",
          accountName: "X",
        },
      ],
      [
        rec("r1", "u1", "2026-12-02T01:00:00Z", 5000),
        rec("r2", "u1", "2026-11-30T01:00:00Z", 20),
        rec("r3", "u1", "2026-12-02T02:00:00Z", null, false),
      ],
      "2026-12-02",
      1000,
    );
    expect(a!.today.plans.map((p) => p.id)).toEqual(["p1"]); // 07:30 on 2 December in Beijing
    expect(a!.today.records.map((r) => r.id)).toEqual(["r1", "r3"]);
    expect(a!.week).toEqual({ plans: 1, records: 3, accounts: 3, checkIns: 2, farCheckIns: 1 });
    expect(a!.checkIns.map((c) => [c.id, c.far])).toEqual([
      ["r1", true],
      ["r2", false],
    ]);
    expect(b!.week.records).toBe(0);
  });
});
