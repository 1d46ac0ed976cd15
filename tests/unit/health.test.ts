import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessHealth,
  bandFor,
  complaintWeight,
  FACTOR_MAX,
  HEALTH_FACTORS,
  topReasons,
  type HealthInputs,
} from "@/lib/domain/health";

const TODAY = "2026-12-04";

/** Everything measured and perfect. */
const BEST: HealthInputs = {
  today: TODAY,
  satisfaction: { csat: 100, nps: 100 },
  complaints: { open: {}, breached: 0 },
  contact: { lastContactOn: "2026-12-01", cadenceDays: 14 },
  service: { items: 4, overdue: 0 },
  renewal: { endDate: "2027-12-31", windowDays: 60 },
  revenue: { recent: 1_000_000, previous: 1_000_000 },
};

const factor = (inputs: HealthInputs, name: string) =>
  assessHealth(inputs).factors.find((f) => f.factor === name);

describe("assessHealth", () => {
  it("gives 100 and HEALTHY when every factor is perfect; the maxima add to 100", () => {
    const r = assessHealth(BEST);
    expect(r.score).toBe(100);
    expect(r.band).toBe("HEALTHY");
    expect(r.factors.map((f) => f.factor)).toEqual([...HEALTH_FACTORS]);
    expect(r.factors.reduce((s, f) => s + f.max, 0)).toBeCloseTo(100, 5);
    expect(Object.values(FACTOR_MAX).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("satisfaction: the index of CSAT and NPS, drops out when not measured", () => {
    const half = factor({ ...BEST, satisfaction: { csat: 50, nps: 0 } }, "satisfaction");
    expect(half?.points).toBe(12.5);
    expect(half?.detail).toEqual({ key: "satisfactionBoth", values: { index: 50, csat: 50, nps: 0 } });
    expect(factor({ ...BEST, satisfaction: { csat: 80, nps: null } }, "satisfaction")?.detail.key).toBe(
      "satisfactionCsat",
    );
    expect(factor({ ...BEST, satisfaction: { csat: null, nps: -100 } }, "satisfaction")?.points).toBe(0);
    const none = assessHealth({ ...BEST, satisfaction: { csat: null, nps: null } });
    expect(none.factors.some((f) => f.factor === "satisfaction")).toBe(false);
    expect(none.score).toBe(100);
    // The others rescale: complaints' 20 of 75 becomes 26.7 of 100.
    expect(none.factors.find((f) => f.factor === "complaints")?.max).toBe(26.7);
  });

  it("complaints: severity-weighted, a breach weighs more, empty at weight 8", () => {
    expect(complaintWeight({ open: { CRITICAL: 1, LOW: 2 }, breached: 1 })).toBe(8);
    expect(factor({ ...BEST, complaints: { open: { MEDIUM: 1 }, breached: 0 } }, "complaints")?.points).toBe(
      15,
    );
    const bad = factor({ ...BEST, complaints: { open: { HIGH: 2 }, breached: 1 } }, "complaints");
    expect(bad?.points).toBe(0);
    expect(bad?.detail).toEqual({ key: "complaintsOpen", values: { count: 2, breached: 1 } });
    expect(factor(BEST, "complaints")?.detail.key).toBe("complaintsNone");
  });

  it("contact: full within cadence, linear to zero at two cadences, zero when never contacted", () => {
    const at = (lastContactOn: string | null) =>
      factor({ ...BEST, contact: { lastContactOn, cadenceDays: 14 } }, "contact");
    expect(at("2026-11-20")?.points).toBe(20); // 14 days: on cadence
    expect(at("2026-11-13")?.points).toBe(10); // 21 days: one and a half cadences
    expect(at("2026-11-13")?.detail).toEqual({ key: "contactLate", values: { days: 21, cadence: 14 } });
    expect(at("2026-11-06")?.points).toBe(0); // 28 days: two cadences
    expect(at("2025-01-01")?.points).toBe(0);
    expect(at(null)?.detail.key).toBe("contactNever");
    expect(at(null)?.points).toBe(0);
  });

  it("service: each overdue item costs a third; no plan drops out", () => {
    expect(factor({ ...BEST, service: { items: 4, overdue: 1 } }, "service")?.points).toBe(6.7);
    expect(factor({ ...BEST, service: { items: 4, overdue: 3 } }, "service")?.points).toBe(0);
    expect(factor({ ...BEST, service: { items: 4, overdue: 9 } }, "service")?.detail.values).toEqual({
      overdue: 4,
      items: 4,
    });
    expect(factor({ ...BEST, service: { items: 0, overdue: 0 } }, "service")).toBeUndefined();
  });

  it("renewal: full outside the window, linear inside it, zero once lapsed, forgotten after a year", () => {
    const at = (endDate: string | null) =>
      factor({ ...BEST, renewal: { endDate, windowDays: 60 } }, "renewal");
    expect(at("2027-02-02")?.points).toBe(10); // 60 days: edge of the window
    expect(at("2027-01-03")?.points).toBe(5); // 30 days
    expect(at("2027-01-03")?.detail).toEqual({
      key: "renewalNear",
      values: { days: 30, endDate: "2027-01-03" },
    });
    expect(at("2026-12-04")?.points).toBe(0);
    expect(at("2026-11-01")?.detail.key).toBe("renewalLapsed");
    expect(at("2025-11-01")).toBeUndefined();
    expect(at(null)).toBeUndefined();
  });

  it("revenue: full when flat or up, zero at half, drops out without history", () => {
    const at = (recent: number, previous: number) =>
      factor({ ...BEST, revenue: { recent, previous } }, "revenue");
    expect(at(1_500_000, 1_000_000)?.points).toBe(15);
    expect(at(750_000, 1_000_000)?.points).toBe(7.5);
    expect(at(750_000, 1_000_000)?.detail).toEqual({ key: "revenueDown", values: { change: -25 } });
    expect(at(400_000, 1_000_000)?.points).toBe(0);
    expect(at(-5, 1_000_000)?.points).toBe(0);
    expect(at(100, 0)).toBeUndefined();
    expect(factor({ ...BEST, revenue: null }, "revenue")).toBeUndefined();
  });
});

describe("bands", () => {
  it("has documented edges", () => {
    expect(bandFor(100)).toBe("HEALTHY");
    expect(bandFor(70)).toBe("HEALTHY");
    expect(bandFor(69.9)).toBe("WATCH");
    expect(bandFor(40)).toBe("WATCH");
    expect(bandFor(39.9)).toBe("AT_RISK");
    expect(bandFor(0)).toBe("AT_RISK");
  });
});

describe("topReasons", () => {
  it("lists the factors losing the most points, worst first, none when healthy", () => {
    const r = assessHealth({
      ...BEST,
      contact: { lastContactOn: null, cadenceDays: 14 },
      complaints: { open: { MEDIUM: 1 }, breached: 0 },
      revenue: { recent: 0, previous: 100 },
    });
    expect(topReasons(r.factors).map((f) => f.factor)).toEqual(["contact", "revenue", "complaints"]);
    expect(topReasons(r.factors, 1)).toHaveLength(1);
    expect(topReasons(assessHealth(BEST).factors)).toEqual([]);
  });
});

const day = fc
  .integer({ min: 0, max: 2000 })
  .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const inputs: fc.Arbitrary<HealthInputs> = fc.record({
  today: fc.constant(TODAY),
  satisfaction: fc.record({
    csat: fc.option(fc.integer({ min: 0, max: 100 })),
    nps: fc.option(fc.integer({ min: -100, max: 100 })),
  }),
  complaints: fc.record({
    open: fc.record({ CRITICAL: fc.nat(3), HIGH: fc.nat(3), MEDIUM: fc.nat(3), LOW: fc.nat(3) }),
    breached: fc.nat(4),
  }),
  contact: fc.record({ lastContactOn: fc.option(day), cadenceDays: fc.integer({ min: 1, max: 120 }) }),
  service: fc.record({ items: fc.nat(6), overdue: fc.nat(6) }),
  renewal: fc.record({ endDate: fc.option(day), windowDays: fc.integer({ min: 1, max: 120 }) }),
  revenue: fc.option(
    fc.record({ recent: fc.integer({ min: -1e6, max: 1e7 }), previous: fc.integer({ min: 0, max: 1e7 }) }),
  ),
});

describe("properties", () => {
  it("the score is within 0–100, its band matches, and the points add up to it", () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const r = assessHealth(i);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.band).toBe(bandFor(r.score));
        expect(Math.abs(r.factors.reduce((s, f) => s + f.points, 0) - r.score)).toBeLessThanOrEqual(0.5);
        for (const f of r.factors) expect(f.points).toBeLessThanOrEqual(f.max);
      }),
    );
  });

  it("is monotonic in each factor", () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 50 }), (i, step) => {
        const base = assessHealth(i).score;
        const better: HealthInputs[] = [
          { ...i, complaints: { ...i.complaints, breached: Math.max(0, i.complaints.breached - 1) } },
          { ...i, service: { ...i.service, overdue: Math.max(0, i.service.overdue - 1) } },
          { ...i, revenue: i.revenue && { ...i.revenue, recent: i.revenue.recent + step * 1000 } },
          {
            ...i,
            satisfaction: {
              ...i.satisfaction,
              csat: i.satisfaction.csat === null ? null : Math.min(100, i.satisfaction.csat + step),
            },
          },
          {
            ...i,
            renewal: {
              ...i.renewal,
              endDate:
                i.renewal.endDate === null || i.renewal.endDate < "2025-12-05"
                  ? i.renewal.endDate
                  : new Date(Date.parse(i.renewal.endDate) + step * 86_400_000).toISOString().slice(0, 10),
            },
          },
          {
            ...i,
            contact: {
              ...i.contact,
              lastContactOn:
                i.contact.lastContactOn === null
                  ? null
                  : new Date(
                      Math.min(Date.parse(TODAY), Date.parse(i.contact.lastContactOn) + step * 86_400_000),
                    )
                      .toISOString()
                      .slice(0, 10),
            },
          },
        ];
        for (const b of better) expect(assessHealth(b).score).toBeGreaterThanOrEqual(base - 0.1);
      }),
    );
  });
});
