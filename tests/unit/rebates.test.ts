import { describe, expect, it } from "vitest";
import {
  achievementBp,
  computeStatement,
  lookupBand,
  parsePeriodKey,
  parseRebateRules,
  periodTarget,
  previousQuarterKey,
  quarterKeyOf,
  rebateRulesProblem,
  statementNumber,
  type RebateRules,
} from "@/lib/domain/rebates";

const RULES: RebateRules = {
  period: "QUARTER",
  bands: [
    { fromBp: 8_000, rateBp: 100 },
    { fromBp: 10_000, rateBp: 200 },
    { fromBp: 12_000, rateBp: 300 },
  ],
};

describe("achievementBp", () => {
  it("is achieved ÷ target in basis points, rounded down", () => {
    expect(achievementBp(8_000n, 10_000n)).toBe(8_000);
    expect(achievementBp(7_999n, 10_000n)).toBe(7_999);
    expect(achievementBp(79_999n, 100_000n)).toBe(7_999); // 79.999 % stays below 80 %
    expect(achievementBp(1n, 3n)).toBe(3_333);
  });
  it("has no answer without a target", () => {
    expect(achievementBp(5n, 0n)).toBeNull();
    expect(achievementBp(5n, null)).toBeNull();
    expect(achievementBp(5n, undefined)).toBeNull();
    expect(achievementBp(5n, -1n)).toBeNull();
  });
  it("treats negative achievement (returns) as zero", () => {
    expect(achievementBp(-500n, 1_000n)).toBe(0);
  });
});

describe("lookupBand — edges", () => {
  const at = (achieved: bigint) => lookupBand(RULES, achieved, 1_000_000n);
  it.each([
    [0n, null, 0],
    [799_999n, null, 0], // 79.9999 % → below the first band
    [800_000n, 8_000, 100], // exactly 80 % belongs to the 80 % band
    [800_001n, 8_000, 100],
    [999_999n, 8_000, 100], // 99.9999 % still the 80 % band
    [1_000_000n, 10_000, 200], // exactly 100 % → the higher band
    [1_199_999n, 10_000, 200],
    [1_200_000n, 12_000, 300], // exactly 120 %
    [5_000_000n, 12_000, 300], // far above the top band keeps the top rate
  ])("achieved %s → band %s, rate %s", (achieved, fromBp, rateBp) => {
    const r = at(achieved);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.band?.fromBp ?? null).toBe(fromBp);
    expect(r.rateBp).toBe(rateBp);
  });
  it("answers no target as a reason, not a rate", () => {
    expect(lookupBand(RULES, 100n, 0n)).toEqual({ ok: false, reason: "noTarget" });
    expect(lookupBand(RULES, 100n, null)).toEqual({ ok: false, reason: "noTarget" });
  });
  it("picks the highest fromBp ≤ achievement even when bands arrive unsorted", () => {
    const shuffled: RebateRules = {
      period: "QUARTER",
      bands: [RULES.bands[2]!, RULES.bands[0]!, RULES.bands[1]!],
    };
    const r = lookupBand(shuffled, 1_100_000n, 1_000_000n);
    expect(r.ok && r.band?.fromBp).toBe(10_000);
  });
  it("a band from 0 % pays from the first fen", () => {
    const r = lookupBand({ period: "QUARTER", bands: [{ fromBp: 0, rateBp: 50 }] }, 1n, 1_000n);
    expect(r.ok && r.rateBp).toBe(50);
  });
  it("no bands → no rate", () => {
    const r = lookupBand({ period: "QUARTER", bands: [] }, 1_000n, 1_000n);
    expect(r.ok && r.band).toBeNull();
  });
});

describe("rebateRulesProblem", () => {
  it("accepts ascending bands with rates within 0–100 %", () => {
    expect(rebateRulesProblem(RULES)).toBeNull();
    expect(rebateRulesProblem({ period: "YEAR", bands: [{ fromBp: 0, rateBp: 10_000 }] })).toBeNull();
  });
  it("refuses no bands, descending or equal edges, rates out of range, fractional values", () => {
    expect(rebateRulesProblem({ period: "QUARTER", bands: [] })?.problem).toBe("noBands");
    expect(
      rebateRulesProblem({
        period: "QUARTER",
        bands: [
          { fromBp: 9_000, rateBp: 1 },
          { fromBp: 8_000, rateBp: 2 },
        ],
      }),
    ).toEqual({ problem: "notAscending", index: 1 });
    expect(
      rebateRulesProblem({
        period: "QUARTER",
        bands: [
          { fromBp: 8_000, rateBp: 1 },
          { fromBp: 8_000, rateBp: 2 },
        ],
      })?.problem,
    ).toBe("notAscending");
    expect(rebateRulesProblem({ period: "QUARTER", bands: [{ fromBp: 0, rateBp: 10_001 }] })?.problem).toBe(
      "rateRange",
    );
    expect(rebateRulesProblem({ period: "QUARTER", bands: [{ fromBp: 0, rateBp: -1 }] })?.problem).toBe(
      "rateRange",
    );
    expect(rebateRulesProblem({ period: "QUARTER", bands: [{ fromBp: -1, rateBp: 1 }] })?.problem).toBe(
      "fromRange",
    );
    expect(rebateRulesProblem({ period: "QUARTER", bands: [{ fromBp: 1.5, rateBp: 1 }] })?.problem).toBe(
      "fromRange",
    );
  });
  it("parses the JSON column defensively", () => {
    expect(parseRebateRules(null)).toEqual({ period: "QUARTER", bands: [] });
    expect(parseRebateRules({ period: "YEAR", bands: [{ fromBp: "8000", rateBp: 100 }, { x: 1 }] })).toEqual({
      period: "YEAR",
      bands: [{ fromBp: 8_000, rateBp: 100 }],
    });
  });
});

describe("periods", () => {
  it("maps quarter keys to China calendar days", () => {
    expect(parsePeriodKey("2026-Q1")).toMatchObject({ start: "2026-01-01", end: "2026-03-31", quarter: 1 });
    expect(parsePeriodKey("2026-Q3")).toMatchObject({
      start: "2026-07-01",
      end: "2026-09-30",
      kind: "QUARTER",
    });
    expect(parsePeriodKey("2026-Q4")).toMatchObject({ start: "2026-10-01", end: "2026-12-31" });
    expect(parsePeriodKey("2024-Q1")).toMatchObject({ end: "2024-03-31" });
    expect(parsePeriodKey("2026")).toMatchObject({ kind: "YEAR", start: "2026-01-01", end: "2026-12-31" });
  });
  it("refuses anything else", () => {
    for (const bad of ["2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "", "1999", "2026-q1x", "０２０２６"])
      expect(parsePeriodKey(bad)).toBeNull();
  });
  it("finds a day's quarter and the quarter before", () => {
    expect(quarterKeyOf("2026-03-31")).toBe("2026-Q1");
    expect(quarterKeyOf("2026-04-01")).toBe("2026-Q2");
    expect(quarterKeyOf("2026-12-31")).toBe("2026-Q4");
    expect(previousQuarterKey("2026-Q1")).toBe("2025-Q4");
    expect(previousQuarterKey("2026-Q3")).toBe("2026-Q2");
  });
  it("numbers statements FD-<year>-Q<n>-<seq>", () => {
    expect(statementNumber(parsePeriodKey("2026-Q3")!, 7)).toBe("FD-2026-Q3-0007");
    expect(statementNumber(parsePeriodKey("2026")!, 12)).toBe("FD-2026-Y-0012");
  });
  it("takes the quarter's target or the annual one", () => {
    const terms = { annualTarget: 100n, quarterlyTargets: [10n, 20n, 30n, 40n] };
    expect(periodTarget(parsePeriodKey("2026-Q2")!, terms)).toBe(20n);
    expect(periodTarget(parsePeriodKey("2026")!, terms)).toBe(100n);
  });
});

describe("computeStatement", () => {
  const base = {
    period: parsePeriodKey("2026-Q2")!,
    versionNo: 2,
    rules: RULES,
    annualTarget: 4_000_000n,
    quarterlyTargets: [1_000_000n, 1_000_000n, 1_000_000n, 1_000_000n],
  };
  it("pays rate × achieved and lists every step", () => {
    const s = computeStatement({ ...base, achieved: 1_000_000n, deductions: [] });
    expect(s).toMatchObject({
      target: 1_000_000n,
      achievementBp: 10_000,
      rateBp: 200,
      rebateAmount: 20_000n,
      payable: 20_000n,
    });
    expect(s.workings.steps.map((x) => x.step)).toEqual([
      "target",
      "achieved",
      "achievementBp",
      "rateBp",
      "rebateAmount",
      "deductions",
      "payable",
    ]);
    expect(s.workings).toMatchObject({
      agreementVersionNo: 2,
      periodStart: "2026-04-01",
      noRebateReason: null,
    });
  });
  it("rounds the rebate down to the fen", () => {
    const s = computeStatement({ ...base, achieved: 1_000_049n, deductions: [] });
    expect(s.rebateAmount).toBe(20_000n); // 1_000_049 × 2 % = 20_000.98
  });
  it("subtracts deductions and never goes below zero", () => {
    const d = [{ conflictId: "c1", number: "CC-1", amount: 5_000n }];
    expect(computeStatement({ ...base, achieved: 1_000_000n, deductions: d }).payable).toBe(15_000n);
    const big = [...d, { conflictId: "c2", number: "CC-2", amount: 50_000n }];
    const s = computeStatement({ ...base, achieved: 1_000_000n, deductions: big });
    expect(s.deductions).toBe(55_000n);
    expect(s.payable).toBe(0n);
    expect(s.workings.deductions).toHaveLength(2);
  });
  it("explains no rebate: below the bands, or no target", () => {
    expect(computeStatement({ ...base, achieved: 799_999n, deductions: [] }).workings.noRebateReason).toBe(
      "belowBands",
    );
    const none = computeStatement({
      ...base,
      quarterlyTargets: [0n, 0n, 0n, 0n],
      achieved: 5n,
      deductions: [],
    });
    expect(none.workings.noRebateReason).toBe("noTarget");
    expect(none.payable).toBe(0n);
  });
  it("earns nothing on negative achievement", () => {
    const s = computeStatement({ ...base, achieved: -10n, deductions: [] });
    expect(s.rebateAmount).toBe(0n);
    expect(s.payable).toBe(0n);
  });
  it("uses the annual target for a year period", () => {
    const s = computeStatement({
      ...base,
      period: parsePeriodKey("2026")!,
      achieved: 4_800_000n,
      deductions: [],
    });
    expect(s.achievementBp).toBe(12_000);
    expect(s.rateBp).toBe(300);
  });
});
