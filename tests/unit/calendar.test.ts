import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  checkIsoDate,
  chinaDate,
  chinaDayStart,
  chinaToday,
  daysBetween,
  fromDbDate,
  toDbDate,
} from "@/lib/domain/calendar";

describe("calendar dates", () => {
  it("refuses impossible days instead of rolling them over", () => {
    expect(checkIsoDate("2026-02-30")).toEqual({ ok: false, problem: "impossible" });
    expect(checkIsoDate("2025-02-29")).toEqual({ ok: false, problem: "impossible" });
    expect(checkIsoDate("2026-13-01")).toEqual({ ok: false, problem: "impossible" });
    expect(checkIsoDate("2026-00-10")).toEqual({ ok: false, problem: "impossible" });
    expect(checkIsoDate("2024-02-29")).toEqual({ ok: true, date: "2024-02-29" });
  });

  it("refuses other spellings and far-off years", () => {
    for (const text of [
      "2026-3-1",
      "20260301",
      "2026/03/01",
      "+002026-03-01",
      " 2026-03-01",
      "2026-03-01T00:00",
    ])
      expect(checkIsoDate(text)).toEqual({ ok: false, problem: "format" });
    expect(checkIsoDate("1899-12-31")).toEqual({ ok: false, problem: "outOfRange" });
    expect(checkIsoDate("9999-12-31")).toEqual({ ok: false, problem: "outOfRange" });
  });

  it("stores a day as its UTC midnight whatever the server's zone (CI runs in Asia/Shanghai)", () => {
    expect(toDbDate("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(fromDbDate(new Date("2026-03-01T00:00:00.000Z"))).toBe("2026-03-01");
  });

  it("round-trips every day of the range (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2100-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          expect(checkIsoDate(day)).toEqual({ ok: true, date: day });
          expect(fromDbDate(toDbDate(day))).toBe(day);
        },
      ),
    );
  });

  it("knows the day in China: before 08:00 Beijing, UTC is still on yesterday", () => {
    const justAfterMidnightBeijing = new Date("2026-03-01T16:30:00Z"); // 00:30 on 2 March in Beijing
    expect(chinaDate(justAfterMidnightBeijing)).toBe("2026-03-02");
    expect(chinaToday(justAfterMidnightBeijing).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(chinaDayStart("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
  });

  it("counts days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2027-01-01", "2026-01-01")).toBe(-365);
    expect(daysBetween("2026-01-01", "2026-01-01")).toBe(0);
  });
});
