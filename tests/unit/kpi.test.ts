import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  achievement,
  budgetExecution,
  growth,
  pace,
  paretoCurve,
  paretoShare,
  rankByScore,
  ratio,
  splitYear,
  stageConversion,
  successRate,
  taskCompletion,
  visitsTimesSuccess,
  weightedScore,
  winRate,
} from "@/lib/domain/kpi";

describe("ratios never divide by zero", () => {
  it("answers null for a zero, missing or non-finite denominator", () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, null)).toBeNull();
    expect(ratio(1, undefined)).toBeNull();
    expect(ratio(1, Number.NaN)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 4)).toBe(0);
  });

  it("each named ratio is part ÷ whole, null on an empty period", () => {
    expect(successRate(3, 4)).toBe(0.75);
    expect(successRate(0, 0)).toBeNull();
    expect(winRate(2, 5)).toBe(0.4);
    expect(winRate(0, 0)).toBeNull();
    expect(budgetExecution(150, 100)).toBe(1.5);
    expect(budgetExecution(10, 0)).toBeNull();
    expect(taskCompletion(9, 10)).toBe(0.9);
    expect(taskCompletion(0, 0)).toBeNull();
  });
});

describe("achievement and pace", () => {
  it("achievement is actual ÷ target; no or non-positive target → null", () => {
    expect(achievement(120, 100)).toBe(1.2);
    expect(achievement(0, 100)).toBe(0);
    expect(achievement(50, 0)).toBeNull();
    expect(achievement(50, -1)).toBeNull();
    expect(achievement(50, null)).toBeNull();
    expect(achievement(-20, 100)).toBe(-0.2); // credit notes can push revenue below zero
  });

  it("pace compares the actual with target × elapsed share", () => {
    expect(pace(40, 100, 0.5)).toEqual({ expected: 50, behind: true, ratio: 0.8 });
    expect(pace(60, 100, 0.5)).toEqual({ expected: 50, behind: false, ratio: 1.2 });
    expect(pace(0, 100, 0)).toEqual({ expected: 0, behind: false, ratio: null });
    expect(pace(10, null, 0.5)).toBeNull();
    expect(pace(10, 0, 0.5)).toBeNull();
    // An elapsed share outside [0, 1] is clamped.
    expect(pace(10, 100, 2)!.expected).toBe(100);
    expect(pace(10, 100, -1)!.expected).toBe(0);
  });
});

describe("growth", () => {
  it("is relative to the absolute previous value; from zero it is undefined", () => {
    expect(growth(110, 100)).toBeCloseTo(0.1);
    expect(growth(90, 100)).toBeCloseTo(-0.1);
    expect(growth(10, 0)).toBeNull();
    expect(growth(0, 0)).toBeNull();
    // From a negative month (refunds) to a positive one is growth, not decline.
    expect(growth(50, -50)).toBe(2);
  });
});

describe("销售业绩 = 拜访量 × 成功率", () => {
  it("multiplies the visits by the success rate among visits with an outcome", () => {
    expect(visitsTimesSuccess(20, 3, 6)).toBe(10);
    expect(visitsTimesSuccess(20, 0, 6)).toBe(0);
    expect(visitsTimesSuccess(20, 0, 0)).toBeNull();
    expect(visitsTimesSuccess(0, 0, 0)).toBeNull();
  });
});

describe("stage conversion", () => {
  it("divides each stage's reached count by the one before", () => {
    expect(stageConversion([10, 5, 4, 2, 1, 1])).toEqual([0.5, 0.8, 0.5, 0.5, 1]);
    expect(stageConversion([0, 0, 0])).toEqual([null, null]);
    expect(stageConversion([])).toEqual([]);
    expect(stageConversion([3])).toEqual([]);
  });
});

describe("the 80/20 rule", () => {
  it("measures the top 20 % of accounts' share of revenue", () => {
    expect(paretoShare([80, 5, 5, 5, 5])).toBe(0.8);
    expect(paretoShare([10, 10, 10, 10, 10])).toBeCloseTo(0.2);
    // Fewer than five accounts: the top one still counts.
    expect(paretoShare([3, 1])).toBe(0.75);
    expect(paretoShare([])).toBeNull();
    expect(paretoShare([0, 0])).toBeNull();
    // Negative totals count as zero.
    expect(paretoShare([-50, 100, 0, 0, 0])).toBe(1);
  });

  it("is always between 0.2 and 1 for non-negative revenue", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 300 }), (values) => {
        const share = paretoShare(values);
        // (Not `return expect(…)`: an assertion's return value is not a boolean fast-check can read.)
        if (values.every((v) => v === 0)) {
          expect(share).toBeNull();
          return;
        }
        expect(share!).toBeGreaterThanOrEqual(0.2 - 1e-9);
        expect(share!).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });

  it("the curve rises to (1, 1) and is concave", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 500 }), (values) => {
        const curve = paretoCurve(values, 50);
        expect(curve.length).toBeLessThanOrEqual(50);
        expect(curve.at(-1)!.accountShare).toBe(1);
        expect(curve.at(-1)!.revenueShare).toBeCloseTo(1, 9);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.revenueShare).toBeGreaterThanOrEqual(curve[i - 1]!.revenueShare);
          // Sorted descending: revenue share is never below account share.
          expect(curve[i]!.revenueShare).toBeGreaterThanOrEqual(curve[i]!.accountShare - 1e-9);
        }
      }),
    );
    expect(paretoCurve([])).toEqual([]);
  });
});

describe("weighted score and ranking", () => {
  it("rescales the weights of measured indicators", () => {
    expect(
      weightedScore([
        { score: 80, weight: 1 },
        { score: 60, weight: 3 },
      ]),
    ).toBe(65);
    expect(
      weightedScore([
        { score: 80, weight: 1 },
        { score: null, weight: 3 },
      ]),
    ).toBe(80);
    expect(weightedScore([{ score: 80, weight: 0 }])).toBeNull();
    expect(weightedScore([])).toBeNull();
  });

  it("shares ranks on ties and puts the unscored last, unranked", () => {
    const rows = [
      { id: "a", s: 0.9 },
      { id: "b", s: null },
      { id: "c", s: 1.2 },
      { id: "d", s: 0.9 },
      { id: "e", s: 0.5 },
    ];
    expect(rankByScore(rows, (r) => r.s).map((r) => [r.id, r.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["b", null],
    ]);
    expect(rankByScore([], () => 1)).toEqual([]);
  });
});

describe("splitYear", () => {
  it("splits evenly with the remainder to the earliest months", () => {
    expect(splitYear(14n)).toEqual([2n, 2n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n]);
    expect(splitYear(0n)).toEqual(Array(12).fill(0n));
  });

  it("follows last year's shape, ignoring an unusable shape", () => {
    const shape = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n, 1n];
    expect(splitYear(100n, shape)).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 50n, 50n]);
    expect(splitYear(12n, Array(12).fill(0n))).toEqual(Array(12).fill(1n));
    expect(splitYear(12n, [1n, 2n])).toEqual(Array(12).fill(1n));
    expect(splitYear(12n, [...Array(11).fill(1n), -1n])).toEqual(Array(12).fill(1n));
  });

  it("always sums exactly to the total", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.option(fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 12, maxLength: 12 })),
        (total, shape) => {
          const parts = splitYear(total, shape ?? undefined);
          expect(parts).toHaveLength(12);
          expect(parts.reduce((s, v) => s + v, 0n)).toBe(total);
          expect(parts.every((p) => p >= 0n)).toBe(true);
        },
      ),
    );
  });
});
