import { describe, expect, it } from "vitest";
import {
  achievementPoints,
  conflictPoints,
  DEFAULT_SCORECARD_WEIGHTS,
  growthPoints,
  inventoryHealth,
  parseQuarterKey,
  paymentTimeliness,
  previousQuarter,
  quarterMonths,
  quarterOf,
  rankByTotal,
  readWeights,
  recommend,
  sameQuarterLastYear,
  satisfactionPoints,
  scorecardTotal,
  thresholdsValid,
  weightSum,
  type FactorPoints,
} from "@/lib/domain/distributor-scorecard";

const none: FactorPoints = {
  achievement: null,
  growth: null,
  paymentTimeliness: null,
  conflicts: null,
  inventory: null,
  satisfaction: null,
};

describe("weights", () => {
  it("defaults sum to 100", () => expect(weightSum(DEFAULT_SCORECARD_WEIGHTS)).toBe(100));
  it("reads saved JSON, anything odd counts 0", () => {
    const w = readWeights({
      achievement: 50,
      growth: "10",
      conflicts: -1,
      inventory: 12.5,
      satisfaction: 101,
    });
    expect(w).toEqual({
      achievement: 50,
      growth: 0,
      paymentTimeliness: 0,
      conflicts: 0,
      inventory: 0,
      satisfaction: 0,
    });
    expect(readWeights(null)).toEqual({ ...w, achievement: 0 });
  });
});

describe("achievement", () => {
  it("is the share of the quarterly target, full points at 100 % and beyond", () => {
    expect(achievementPoints(75n, 100n)).toBe(75);
    expect(achievementPoints(100n, 100n)).toBe(100);
    expect(achievementPoints(250n, 100n)).toBe(100);
    expect(achievementPoints(0n, 100n)).toBe(0);
    expect(achievementPoints(-10n, 100n)).toBe(0);
    expect(achievementPoints(12_345n, 100_000n)).toBe(12.34);
  });
  it("no target is not measurable", () => {
    expect(achievementPoints(50n, null)).toBeNull();
    expect(achievementPoints(50n, 0n)).toBeNull();
  });
});

describe("growth", () => {
  it("flat is 50, +50 % is 100, −50 % is 0, clamped", () => {
    expect(growthPoints(100n, 100n)).toBe(50);
    expect(growthPoints(150n, 100n)).toBe(100);
    expect(growthPoints(50n, 100n)).toBe(0);
    expect(growthPoints(120n, 100n)).toBe(70);
    expect(growthPoints(1000n, 100n)).toBe(100);
    expect(growthPoints(0n, 100n)).toBe(0);
  });
  it("nothing a year earlier is not measurable", () => {
    expect(growthPoints(100n, null)).toBeNull();
    expect(growthPoints(100n, 0n)).toBeNull();
  });
});

describe("payment timeliness", () => {
  it("paid by the due date earns full credit", () => {
    const r = paymentTimeliness(
      [
        { dueOn: "2026-02-10", paidOn: "2026-02-10" },
        { dueOn: "2026-02-10", paidOn: "2026-01-30" },
      ],
      "2026-03-31",
    );
    expect(r).toEqual({ points: 100, due: 2, onTime: 2, averageDaysLate: null });
  });
  it("late loses credit with the days late, nothing at 60 days", () => {
    const r = paymentTimeliness(
      [
        { dueOn: "2026-01-01", paidOn: "2026-01-01" },
        { dueOn: "2026-01-01", paidOn: "2026-01-31" }, // 30 days: half
        { dueOn: "2026-01-01", paidOn: "2026-03-15" }, // 73 days: nothing
      ],
      "2026-03-31",
    );
    expect(r.points).toBe(50);
    expect(r.onTime).toBe(1);
    expect(r.due).toBe(3);
    expect(r.averageDaysLate).toBe(51.5);
  });
  it("unpaid is late up to the as-of date; not yet due counts nothing", () => {
    const r = paymentTimeliness(
      [
        { dueOn: "2026-03-16", paidOn: null }, // 15 days late at 03-31: 0.75
        { dueOn: "2026-03-31", paidOn: null }, // due today: not counted
      ],
      "2026-03-31",
    );
    expect(r).toEqual({ points: 75, due: 1, onTime: 0, averageDaysLate: 15 });
  });
  it("no invoices is not measurable", () => {
    expect(paymentTimeliness([], "2026-03-31").points).toBeNull();
    expect(paymentTimeliness([{ dueOn: "2026-03-31", paidOn: null }], "2026-03-31").points).toBeNull();
  });
});

describe("conflicts", () => {
  it("starts at 100 and loses per open case and per outcome", () => {
    expect(conflictPoints(0, [])).toBe(100);
    // The workflow's measure: 5 per open case, 10 for a warning, 20 for a rebate deduction.
    expect(conflictPoints(2, [])).toBe(90);
    expect(conflictPoints(1, ["WARNING", "REBATE_DEDUCTION"])).toBe(65);
    expect(conflictPoints(0, ["NO_ACTION"])).toBe(100);
    expect(conflictPoints(0, ["TERMINATION"])).toBe(0);
    expect(conflictPoints(20, [])).toBe(0);
  });
});

describe("inventory health", () => {
  it("up to the healthy months earns 100, falling to 0 at twice that", () => {
    expect(inventoryHealth(300n, 100n, 3)).toEqual({ points: 100, months: 3 });
    expect(inventoryHealth(450n, 100n, 3)).toEqual({ points: 50, months: 4.5 });
    expect(inventoryHealth(600n, 100n, 3)).toEqual({ points: 0, months: 6 });
    expect(inventoryHealth(5000n, 100n, 3).points).toBe(0);
    expect(inventoryHealth(-50n, 100n, 3)).toEqual({ points: 100, months: 0 });
  });
  it("stock that does not sell scores 0; nothing moving is not measurable", () => {
    expect(inventoryHealth(100n, 0n, 3)).toEqual({ points: 0, months: null });
    expect(inventoryHealth(0n, 0n, 3)).toEqual({ points: null, months: null });
  });
});

describe("satisfaction", () => {
  const counts = { csatAnswers: 0, satisfied: 0, promoters: 0, passives: 0, detractors: 0 };
  it("is the satisfaction index of the quarter's answers: CSAT % and NPS on 0–100, averaged", () => {
    // CSAT 3 of 4 satisfied = 75 %; NPS (2 − 1) / 4 = 25 → 62.5; mean 68.8.
    expect(
      satisfactionPoints({ csatAnswers: 4, satisfied: 3, promoters: 2, passives: 1, detractors: 1 }),
    ).toBe(68.8);
    expect(satisfactionPoints({ ...counts, csatAnswers: 2, satisfied: 2 })).toBe(100);
    expect(satisfactionPoints({ ...counts, detractors: 3 })).toBe(0);
    expect(satisfactionPoints({ ...counts, passives: 1 })).toBe(50);
  });
  it("is not measured without an answer (and then weighs nothing)", () => {
    expect(satisfactionPoints(counts)).toBeNull();
  });
});

describe("scorecardTotal", () => {
  const w = DEFAULT_SCORECARD_WEIGHTS;
  it("weights every factor when all are measured", () => {
    const p: FactorPoints = {
      achievement: 80,
      growth: 60,
      paymentTimeliness: 100,
      conflicts: 90,
      inventory: 50,
      satisfaction: 70,
    };
    // 24 + 9 + 20 + 13.5 + 5 + 7 = 78.5 → 79
    expect(scorecardTotal(p, w).total).toBe(79);
    expect(scorecardTotal(p, w).effectiveWeights).toEqual(w);
  });
  it("re-weights the measured factors when some are missing", () => {
    const p = { ...none, achievement: 100, conflicts: 40 };
    // (100 × 30 + 40 × 15) / 45 = 80
    const r = scorecardTotal(p, w);
    expect(r.total).toBe(80);
    expect(r.effectiveWeights.achievement).toBe(66.7);
    expect(r.effectiveWeights.conflicts).toBe(33.3);
    expect(r.effectiveWeights.growth).toBe(0);
  });
  it("a factor weighted 0 does not count even when measured", () => {
    const r = scorecardTotal({ ...none, achievement: 100, growth: 0 }, { ...w, growth: 0 });
    expect(r.total).toBe(100);
  });
  it("is null when nothing weighted was measured", () => {
    expect(scorecardTotal(none, w).total).toBeNull();
    expect(scorecardTotal({ ...none, growth: 90 }, { ...w, growth: 0 }).total).toBeNull();
  });
  it("0 points is a measurement, not a gap", () => {
    expect(scorecardTotal({ ...none, achievement: 0, conflicts: 100 }, w).total).toBe(33);
  });
});

describe("recommendation", () => {
  const t = { upgradeAt: 85, keepAt: 65, warnAt: 45 };
  it("follows the thresholds at their edges", () => {
    expect(recommend(100, t)).toBe("UPGRADE");
    expect(recommend(85, t)).toBe("UPGRADE");
    expect(recommend(84, t)).toBe("KEEP");
    expect(recommend(65, t)).toBe("KEEP");
    expect(recommend(64, t)).toBe("WARN");
    expect(recommend(45, t)).toBe("WARN");
    expect(recommend(44, t)).toBe("TERMINATE");
    expect(recommend(0, t)).toBe("TERMINATE");
    expect(recommend(null, t)).toBeNull();
  });
  it("thresholds must rise strictly within 0–100", () => {
    expect(thresholdsValid(t)).toBe(true);
    expect(thresholdsValid({ upgradeAt: 85, keepAt: 85, warnAt: 45 })).toBe(false);
    expect(thresholdsValid({ upgradeAt: 101, keepAt: 65, warnAt: 45 })).toBe(false);
    expect(thresholdsValid({ upgradeAt: 85, keepAt: 65, warnAt: -1 })).toBe(false);
  });
});

describe("ranking", () => {
  it("ranks highest first, ties share a rank, unmeasured get none", () => {
    const r = rankByTotal([
      { id: "a", total: 70 },
      { id: "b", total: 90 },
      { id: "c", total: 70 },
      { id: "d", total: null },
      { id: "e", total: 10 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });
});

describe("quarters", () => {
  it("parses keys and rejects anything else", () => {
    expect(parseQuarterKey("2026-Q3")).toMatchObject({ start: "2026-07-01", end: "2026-09-30" });
    expect(parseQuarterKey("2026-Q4")).toMatchObject({ start: "2026-10-01", end: "2026-12-31" });
    expect(parseQuarterKey("2024-Q1")).toMatchObject({ end: "2024-03-31" });
    for (const bad of ["2026-Q5", "2026Q1", "", null, "1999-Q1", "2026-Q1x"])
      expect(parseQuarterKey(bad)).toBeNull();
  });
  it("steps back and across years", () => {
    expect(quarterOf("2026-02-28").key).toBe("2026-Q1");
    expect(previousQuarter(quarterOf("2026-02-28")).key).toBe("2025-Q4");
    expect(sameQuarterLastYear(quarterOf("2026-12-31")).key).toBe("2025-Q4");
    expect(quarterMonths(quarterOf("2026-11-05"))).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
  });
});
