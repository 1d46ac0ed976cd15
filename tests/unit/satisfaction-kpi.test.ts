import { describe, expect, it } from "vitest";
import { metSla, pointsChange, slaAttainment, slaWindow } from "@/lib/domain/satisfaction-kpi";

const at = (iso: string) => new Date(iso);
const clocks = {
  acknowledgedAt: at("2026-11-02T02:00:00Z"),
  ackDueAt: at("2026-11-02T04:00:00Z"),
  resolvedAt: at("2026-11-04T02:00:00Z"),
  resolveDueAt: at("2026-11-05T02:00:00Z"),
};

describe("metSla", () => {
  it("needs both clocks met", () => {
    expect(metSla(clocks)).toBe(true);
    expect(metSla({ ...clocks, acknowledgedAt: at("2026-11-02T04:00:01Z") })).toBe(false);
    expect(metSla({ ...clocks, resolvedAt: at("2026-11-05T02:00:01Z") })).toBe(false);
  });
  it("counts the due instant itself as on time", () => {
    expect(metSla({ ...clocks, acknowledgedAt: clocks.ackDueAt, resolvedAt: clocks.resolveDueAt })).toBe(
      true,
    );
  });
  it("never acknowledged or never resolved is not met", () => {
    expect(metSla({ ...clocks, acknowledgedAt: null })).toBe(false);
    expect(metSla({ ...clocks, resolvedAt: null })).toBe(false);
  });
});

describe("slaAttainment", () => {
  it("is met ÷ due, null when nothing fell due", () => {
    expect(slaAttainment(3, 4)).toBe(0.75);
    expect(slaAttainment(0, 5)).toBe(0);
    expect(slaAttainment(0, 0)).toBeNull();
  });
  it("stays within 0…1 for inconsistent counts", () => {
    expect(slaAttainment(7, 4)).toBe(1);
    expect(slaAttainment(-1, 4)).toBe(0);
  });
});

describe("slaWindow", () => {
  const from = at("2026-11-01T00:00:00Z");
  const until = at("2026-12-01T00:00:00Z");
  it("a past period counts whole", () => {
    expect(slaWindow(from, until, at("2026-12-10T00:00:00Z"))).toEqual({ from, until });
  });
  it("the current period counts only what has fallen due by now", () => {
    const now = at("2026-11-15T08:00:00Z");
    expect(slaWindow(from, until, now)).toEqual({ from, until: now });
  });
  it("a future period has nothing due", () => {
    expect(slaWindow(from, until, at("2026-10-01T00:00:00Z"))).toBeNull();
    expect(slaWindow(from, until, from)).toBeNull();
  });
});

describe("pointsChange", () => {
  it("is the difference in points, one decimal, null if either side is unmeasured", () => {
    expect(pointsChange(42.5, 30)).toBe(12.5);
    expect(pointsChange(-10, 5.04)).toBe(-15);
    expect(pointsChange(null, 5)).toBeNull();
    expect(pointsChange(5, null)).toBeNull();
  });
});
