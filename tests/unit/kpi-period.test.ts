import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import {
  elapsedShare,
  monthPeriod,
  monthShares,
  monthStart,
  monthsOf,
  parsePeriod,
  periodDays,
  periodKey,
  previousPeriod,
  quarterPeriod,
  sameLastYear,
  yearPeriod,
  type Period,
} from "@/lib/domain/kpi-period";

const TODAY = "2026-11-15";

describe("parsePeriod", () => {
  it("reads months, quarters, years and custom ranges", () => {
    expect(parsePeriod({ period: "2026-02" }, TODAY)).toEqual({
      kind: "month",
      start: "2026-02-01",
      end: "2026-02-28",
    });
    expect(parsePeriod({ period: "2024-02" }, TODAY).end).toBe("2024-02-29");
    expect(parsePeriod({ period: "2026-Q4" }, TODAY)).toEqual({
      kind: "quarter",
      start: "2026-10-01",
      end: "2026-12-31",
    });
    expect(parsePeriod({ period: "2025" }, TODAY)).toEqual({
      kind: "year",
      start: "2025-01-01",
      end: "2025-12-31",
    });
    expect(parsePeriod({ from: "2026-10-10", to: "2026-11-05" }, TODAY)).toEqual({
      kind: "custom",
      start: "2026-10-10",
      end: "2026-11-05",
    });
  });

  it("falls back to the month containing today for anything malformed or crafted", () => {
    const fallback = monthPeriod(2026, 11);
    for (const period of [
      "2026-13",
      "2026-00",
      "2026-Q5",
      "1999",
      "2101",
      "abc",
      "2026-1",
      " ",
      "2026-02\u0000",
      "0x7E6",
    ]) {
      expect(parsePeriod({ period }, TODAY)).toEqual(fallback);
    }
    expect(parsePeriod({}, TODAY)).toEqual(fallback);
    expect(parsePeriod({ from: "2026-02-30", to: "2026-03-01" }, TODAY)).toEqual(fallback);
    expect(parsePeriod({ from: "2026-11-02", to: "2026-11-01" }, TODAY)).toEqual(fallback);
    // Longer than two years: refused rather than scanned.
    expect(parsePeriod({ from: "2020-01-01", to: "2026-01-01" }, TODAY)).toEqual(fallback);
  });

  it("prefers a valid custom range over a period", () => {
    expect(parsePeriod({ period: "2026-01", from: "2026-03-01", to: "2026-03-02" }, TODAY).kind).toBe(
      "custom",
    );
  });

  it("round-trips through periodKey", () => {
    for (const p of [monthPeriod(2026, 1), quarterPeriod(2026, 3), yearPeriod(2024)]) {
      expect(parsePeriod({ period: periodKey(p) }, TODAY)).toEqual(p);
    }
    expect(periodKey({ kind: "custom", start: "2026-01-05", end: "2026-02-01" })).toBe(
      "2026-01-05..2026-02-01",
    );
  });
});

describe("previousPeriod and sameLastYear", () => {
  it("steps back across year ends", () => {
    expect(previousPeriod(monthPeriod(2026, 1))).toEqual(monthPeriod(2025, 12));
    expect(previousPeriod(quarterPeriod(2026, 1))).toEqual(quarterPeriod(2025, 4));
    expect(previousPeriod(yearPeriod(2026))).toEqual(yearPeriod(2025));
  });

  it("gives a custom period the same number of days just before it", () => {
    const p: Period = { kind: "custom", start: "2026-03-01", end: "2026-03-10" };
    expect(previousPeriod(p)).toEqual({ kind: "custom", start: "2026-02-19", end: "2026-02-28" });
  });

  it("maps 29 February to the 28th a year earlier", () => {
    expect(sameLastYear({ kind: "custom", start: "2024-02-29", end: "2024-02-29" })).toEqual({
      kind: "custom",
      start: "2023-02-28",
      end: "2023-02-28",
    });
    expect(sameLastYear(monthPeriod(2025, 2))).toEqual(monthPeriod(2024, 2));
    expect(sameLastYear(monthPeriod(2025, 2)).end).toBe("2024-02-29");
  });

  it("a previous custom period always ends the day before and has as many days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 700 }), (offset, len) => {
        const start = addDays("2001-01-01", offset);
        const p: Period = { kind: "custom", start, end: addDays(start, len) };
        const prev = previousPeriod(p);
        expect(addDays(prev.end, 1)).toBe(p.start);
        expect(periodDays(prev)).toBe(periodDays(p));
      }),
    );
  });
});

describe("months of a period", () => {
  it("lists the months a period touches", () => {
    expect(monthsOf(quarterPeriod(2026, 4))).toEqual([
      { year: 2026, month: 10 },
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
    ]);
    expect(monthsOf({ kind: "custom", start: "2025-12-20", end: "2026-01-03" })).toEqual([
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
    ]);
  });

  it("prorates partial months by days (leap February included)", () => {
    const shares = monthShares({ kind: "custom", start: "2024-02-15", end: "2024-03-31" });
    expect(shares).toEqual([
      { year: 2024, month: 2, share: 15 / 29 },
      { year: 2024, month: 3, share: 1 },
    ]);
    expect(monthShares(monthPeriod(2026, 2))).toEqual([{ year: 2026, month: 2, share: 1 }]);
  });

  it("shares add up to the period's days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 730 }), (offset, len) => {
        const start = addDays("2000-01-01", offset);
        const p: Period = { kind: "custom", start, end: addDays(start, len) };
        const days = monthShares(p).reduce((s, m) => {
          const dim = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
          return s + m.share * dim;
        }, 0);
        expect(days).toBeCloseTo(periodDays(p), 6);
      }),
    );
  });

  it("monthStart is the first of the month", () => {
    expect(monthStart("2026-11-30")).toBe("2026-11-01");
  });
});

describe("elapsedShare (pace)", () => {
  const nov = monthPeriod(2026, 11);
  it("is 0 before, 1 after and counts today as passed", () => {
    expect(elapsedShare(nov, "2026-10-31")).toBe(0);
    expect(elapsedShare(nov, "2026-11-01")).toBe(1 / 30);
    expect(elapsedShare(nov, "2026-11-15")).toBe(15 / 30);
    expect(elapsedShare(nov, "2026-11-30")).toBe(1);
    expect(elapsedShare(nov, "2027-01-01")).toBe(1);
  });

  it("uses the China day around midnight, not the UTC one", () => {
    // 23:30 on 31 October UTC is already 1 November in China: the month has begun.
    const today = chinaDate(new Date("2026-10-31T16:30:00Z"));
    expect(today).toBe("2026-11-01");
    expect(elapsedShare(nov, today)).toBe(1 / 30);
    // 15:59 UTC on 31 October is still 31 October in China.
    expect(elapsedShare(nov, chinaDate(new Date("2026-10-31T15:59:00Z")))).toBe(0);
  });

  it("counts 366 days in a leap year", () => {
    expect(elapsedShare(yearPeriod(2024), "2024-02-29")).toBe(60 / 366);
  });

  it("stays within [0, 1] and never decreases", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 400 }), (d) => {
        const year = yearPeriod(2026);
        const a = elapsedShare(year, addDays("2026-01-01", d));
        const b = elapsedShare(year, addDays("2026-01-01", d + 1));
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});
