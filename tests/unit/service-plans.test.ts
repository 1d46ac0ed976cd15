import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isComingDue,
  isOnTime,
  isOverdue,
  nextDueDate,
  onTimeRate,
  onTimeWindowStart,
  recordDelivery,
  SERVICE_FREQUENCIES,
} from "@/lib/domain/service-plans";

describe("nextDueDate", () => {
  it("steps each frequency from the due date", () => {
    expect(nextDueDate("2026-03-10", "WEEKLY")).toBe("2026-03-17");
    expect(nextDueDate("2026-03-10", "MONTHLY")).toBe("2026-04-10");
    expect(nextDueDate("2026-03-10", "QUARTERLY")).toBe("2026-06-10");
    expect(nextDueDate("2026-03-10", "HALF_YEARLY")).toBe("2026-09-10");
    expect(nextDueDate("2026-03-10", "YEARLY")).toBe("2027-03-10");
  });
  it("clamps month ends: 31 Jan + 1 month is the last day of February", () => {
    expect(nextDueDate("2026-01-31", "MONTHLY")).toBe("2026-02-28");
    expect(nextDueDate("2028-01-31", "MONTHLY")).toBe("2028-02-29"); // leap year
    expect(nextDueDate("2026-08-31", "QUARTERLY")).toBe("2026-11-30");
    expect(nextDueDate("2026-08-31", "HALF_YEARLY")).toBe("2027-02-28");
  });
  it("handles 29 February yearly and weeks across a year end", () => {
    expect(nextDueDate("2028-02-29", "YEARLY")).toBe("2029-02-28");
    expect(nextDueDate("2026-12-28", "WEEKLY")).toBe("2027-01-04");
    expect(nextDueDate("2028-02-26", "WEEKLY")).toBe("2028-03-04");
  });
  it("always moves forward", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }),
        fc.constantFrom(...SERVICE_FREQUENCIES),
        (d, f) => nextDueDate(d.toISOString().slice(0, 10), f) > d.toISOString().slice(0, 10),
      ),
    );
  });
});

describe("recordDelivery", () => {
  it("is on time on the due day and late the day after; the schedule follows the due date", () => {
    expect(recordDelivery({ nextDueOn: "2026-03-31", frequency: "MONTHLY" }, "2026-03-31")).toEqual({
      dueOn: "2026-03-31",
      onTime: true,
      nextDueOn: "2026-04-30",
    });
    expect(recordDelivery({ nextDueOn: "2026-03-31", frequency: "MONTHLY" }, "2026-04-12")).toEqual({
      dueOn: "2026-03-31",
      onTime: false,
      nextDueOn: "2026-04-30",
    });
    expect(isOnTime("2026-03-01", "2026-03-02")).toBe(true);
  });
});

describe("due and overdue", () => {
  it("is coming due within 7 days and when overdue", () => {
    expect(isComingDue("2026-03-08", "2026-03-01")).toBe(true);
    expect(isComingDue("2026-03-09", "2026-03-01")).toBe(false);
    expect(isComingDue("2026-02-01", "2026-03-01")).toBe(true);
    expect(isOverdue("2026-02-28", "2026-03-01")).toBe(true);
    expect(isOverdue("2026-03-01", "2026-03-01")).toBe(false);
  });
});

describe("onTimeRate", () => {
  it("is null without deliveries and a one-decimal percentage otherwise", () => {
    expect(onTimeRate([])).toBeNull();
    expect(onTimeRate([{ onTime: true }, { onTime: false }, { onTime: true }])).toBe(66.7);
    expect(onTimeRate([{ onTime: true }])).toBe(100);
    expect(onTimeWindowStart("2028-02-29")).toBe("2027-02-28");
  });
});
