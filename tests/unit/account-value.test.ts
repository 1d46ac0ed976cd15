import { describe, expect, it } from "vitest";
import {
  assessValue,
  assetVerdict,
  DEFAULT_SCORING,
  effectiveTier,
  factorPoints,
  FACTOR_WEIGHTS,
  logScale,
  tierFor,
  type ValueInputs,
} from "@/lib/domain/account-value";

const EMPTY: ValueInputs = {
  purchaseVolume: null,
  categorySpend: null,
  creditRating: null,
  paymentRecord: null,
  expectedGrowth: null,
  loyalty: null,
  industryInfluence: null,
  strategicFit: null,
  referenceValue: null,
};

const STRONG: ValueInputs = {
  purchaseVolume: 30_000_000,
  categorySpend: 150_000_000,
  creditRating: "AA",
  paymentRecord: "EXCELLENT",
  expectedGrowth: 20,
  loyalty: 4,
  industryInfluence: 5,
  strategicFit: 5,
  referenceValue: 4,
};

describe("factor weights", () => {
  it.each(Object.entries(FACTOR_WEIGHTS))("%s factors sum to 1", (_d, weights) => {
    expect(Object.values(weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
  });
});

describe("logScale", () => {
  it.each([
    [0, 0],
    [-5, 0],
    [500_000, 0], // 1% of 50 M
    [5_000_000, 50], // 10%
    [50_000_000, 100],
    [500_000_000, 100], // capped
  ])("%d of 50 M → %d", (value, expected) => {
    expect(logScale(value, 50_000_000)).toBeCloseTo(expected, 6);
  });
});

describe("factor points", () => {
  it("derives share-of-wallet headroom from purchase volume and category spend", () => {
    expect(factorPoints({ ...EMPTY, purchaseVolume: 25, categorySpend: 100 }).walletHeadroom).toBe(75);
    expect(factorPoints({ ...EMPTY, purchaseVolume: 200, categorySpend: 100 }).walletHeadroom).toBe(0);
    expect(factorPoints({ ...EMPTY, purchaseVolume: 25, categorySpend: 0 }).walletHeadroom).toBeNull();
    expect(factorPoints({ ...EMPTY, categorySpend: 100 }).walletHeadroom).toBeNull();
  });

  it("maps ratings 1–5 to 0–100 and ranks credit and payment records", () => {
    const p = factorPoints({
      ...EMPTY,
      loyalty: 1,
      strategicFit: 3,
      referenceValue: 5,
      creditRating: "BBB",
      paymentRecord: "FAIR",
    });
    expect([p.loyalty, p.strategicFit, p.referenceValue]).toEqual([0, 50, 100]);
    expect(p.creditRating).toBe(65);
    expect(p.paymentRecord).toBe(40);
    expect(factorPoints({ ...EMPTY, creditRating: "AAA" }).creditRating!).toBeGreaterThan(
      factorPoints({ ...EMPTY, creditRating: "C" }).creditRating!,
    );
  });

  it("caps growth at full marks and floors negative growth at 0", () => {
    expect(factorPoints({ ...EMPTY, expectedGrowth: 60 }).expectedGrowth).toBe(100);
    expect(factorPoints({ ...EMPTY, expectedGrowth: -10 }).expectedGrowth).toBe(0);
    expect(factorPoints({ ...EMPTY, expectedGrowth: 15 }).expectedGrowth).toBe(50);
  });
});

describe("assessValue", () => {
  it("scores nothing for an account nobody has assessed, and lists every factor as missing", () => {
    const a = assessValue(EMPTY);
    expect(a).toMatchObject({ current: 0, potential: 0, strategic: 0, composite: 0, tier: "C" });
    expect(a.missing).toHaveLength(10);
  });

  it("gives full marks for a perfect account", () => {
    const a = assessValue({
      purchaseVolume: 50_000_000,
      categorySpend: 200_000_000,
      creditRating: "AAA",
      paymentRecord: "EXCELLENT",
      expectedGrowth: 30,
      loyalty: 5,
      industryInfluence: 5,
      strategicFit: 5,
      referenceValue: 5,
    });
    // Headroom is 75 (we already win a quarter of their spend), so potential is below 100.
    expect(a.current).toBe(100);
    expect(a.strategic).toBe(100);
    expect(a.potential).toBeCloseTo(100 * 0.35 + 75 * 0.35 + 100 * 0.3, 1);
    expect(a.tier).toBe("A");
  });

  it("explains the composite: contributions add up to it and are sorted largest first", () => {
    const a = assessValue(STRONG);
    const sum = a.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(a.composite, 0);
    const values = a.contributions.map((c) => c.contribution);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect(a.contributions.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 10);
    expect(a.missing).toEqual([]);
  });

  it("weights the dimensions as configured (normalised)", () => {
    const onlyStrategic = { ...DEFAULT_SCORING, weights: { current: 0, potential: 0, strategic: 7 } };
    const a = assessValue(
      { ...EMPTY, industryInfluence: 5, strategicFit: 5, referenceValue: 5 },
      onlyStrategic,
    );
    expect(a.composite).toBe(100);
    const b = assessValue({ ...EMPTY, industryInfluence: 5, strategicFit: 5, referenceValue: 5 });
    expect(b.composite).toBe(25); // strategic is 25% by default
  });

  it("moves an account up a tier when an input improves", () => {
    const base = assessValue({
      ...STRONG,
      creditRating: "C",
      paymentRecord: "POOR",
      industryInfluence: 1,
      strategicFit: 1,
    });
    const better = assessValue(STRONG);
    expect(better.composite).toBeGreaterThan(base.composite);
    expect(["A", "B"]).toContain(better.tier);
  });
});

describe("tiers", () => {
  it.each([
    [75, "A"],
    [74.9, "B"],
    [50, "B"],
    [49.9, "C"],
    [0, "C"],
  ] as const)("%d → %s with default thresholds", (composite, tier) => {
    expect(tierFor(composite, DEFAULT_SCORING.tierThresholds)).toBe(tier);
  });

  it("a manual override wins only with a reason", () => {
    expect(effectiveTier("C", { tier: "A", reason: "集团战略合作伙伴" })).toBe("A");
    expect(effectiveTier("C", { tier: "A", reason: "  " })).toBe("C");
    expect(effectiveTier("B", null)).toBe("B");
  });
});

describe("positive and negative assets", () => {
  it.each([
    [1_000_000, 300_000, 0.5, "positive", 0.3],
    [1_000_000, 600_000, 0.5, "negative", 0.6],
    [1_000_000, 500_000, 0.5, "positive", 0.5], // at the limit is still positive
    [0, 100_000, 0.5, "negative", null], // no profit, real cost
    [-50_000, 10_000, 0.5, "negative", null],
    [0, 0, 0.5, "unknown", null],
    [null, 10_000, 0.5, "unknown", null],
  ] as const)("profit %j, cost %j, limit %j → %s", (profit, cost, limit, verdict, share) => {
    const result = assetVerdict(profit, cost, limit);
    expect(result.verdict).toBe(verdict);
    if (share === null) expect(result.costShare).toBeNull();
    else expect(result.costShare).toBeCloseTo(share, 10);
  });
});
