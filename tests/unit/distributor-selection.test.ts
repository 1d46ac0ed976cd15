import { describe, expect, it } from "vitest";
import {
  compareCandidates,
  criterionPoints,
  evaluateCandidate,
  isModelBalanced,
  modelWeightTotal,
  RECOMMENDED_CRITERIA,
  type SelectionCriterion,
} from "@/lib/domain/distributor-selection";

const crit = (over: Partial<SelectionCriterion>): SelectionCriterion => ({
  id: over.key ?? "c",
  key: "c",
  name: "甲",
  nameEn: "A",
  kind: "QUALITATIVE",
  weight: 50,
  unit: null,
  worst: null,
  best: null,
  active: true,
  ...over,
});

describe("evaluation model weights", () => {
  it("count only active criteria and must total 100", () => {
    const model = [crit({ weight: 60 }), crit({ weight: 40 }), crit({ weight: 30, active: false })];
    expect(modelWeightTotal(model)).toBe(100);
    expect(isModelBalanced(model)).toBe(true);
    expect(isModelBalanced([crit({ weight: 60 }), crit({ weight: 39 })])).toBe(false);
    expect(isModelBalanced([])).toBe(false);
  });
  it("the recommended model is balanced", () => {
    expect(isModelBalanced(RECOMMENDED_CRITERIA.map((c) => ({ ...c, active: true })))).toBe(true);
  });
});

describe("criterionPoints", () => {
  it("qualitative judgement is clamped to 0–100", () => {
    expect(criterionPoints({ kind: "QUALITATIVE", worst: null, best: null }, 73)).toBe(73);
    expect(criterionPoints({ kind: "QUALITATIVE", worst: null, best: null }, 140)).toBe(100);
    expect(criterionPoints({ kind: "QUALITATIVE", worst: null, best: null }, -5)).toBe(0);
    expect(criterionPoints({ kind: "QUALITATIVE", worst: null, best: null }, null)).toBeNull();
    expect(criterionPoints({ kind: "QUALITATIVE", worst: null, best: null }, Number.NaN)).toBeNull();
  });
  it("quantitative maps linearly between worst and best, clamped", () => {
    const c = { kind: "QUANTITATIVE" as const, worst: 100, best: 2000 };
    expect(criterionPoints(c, 100)).toBe(0);
    expect(criterionPoints(c, 2000)).toBe(100);
    expect(criterionPoints(c, 1050)).toBe(50);
    expect(criterionPoints(c, 50)).toBe(0);
    expect(criterionPoints(c, 9000)).toBe(100);
  });
  it("best may be lower than worst (fewer payment days is better)", () => {
    const c = { kind: "QUANTITATIVE" as const, worst: 90, best: 0 };
    expect(criterionPoints(c, 0)).toBe(100);
    expect(criterionPoints(c, 45)).toBe(50);
    expect(criterionPoints(c, 120)).toBe(0);
  });
  it("an unmappable quantitative criterion scores nothing", () => {
    expect(criterionPoints({ kind: "QUANTITATIVE", worst: 5, best: 5 }, 5)).toBeNull();
    expect(criterionPoints({ kind: "QUANTITATIVE", worst: null, best: 5 }, 5)).toBeNull();
  });
});

describe("evaluateCandidate", () => {
  const model = [
    crit({ key: "rep", weight: 40 }),
    crit({ key: "cap", kind: "QUANTITATIVE", weight: 60, worst: 0, best: 1000 }),
    crit({ key: "off", weight: 50, active: false }),
  ];
  it("weights points and rounds once", () => {
    const e = evaluateCandidate(model, { rep: 81, cap: 505 });
    // 81 × 0.4 + 50.5 × 0.6 = 32.4 + 30.3 = 62.7
    expect(e.total).toBe(63);
    expect(e.complete).toBe(true);
    expect(e.scores.map((s) => s.key)).toEqual(["rep", "cap"]);
    expect(e.scores[1]).toMatchObject({ raw: 505, points: 50.5, weight: 60, kind: "QUANTITATIVE" });
  });
  it("an unscored criterion counts 0 and marks it incomplete", () => {
    const e = evaluateCandidate(model, { rep: 100 });
    expect(e.total).toBe(40);
    expect(e.complete).toBe(false);
  });
  it("full marks give 100, nothing gives 0", () => {
    expect(evaluateCandidate(model, { rep: 100, cap: 1000 }).total).toBe(100);
    expect(evaluateCandidate(model, {}).total).toBe(0);
  });
});

describe("compareCandidates", () => {
  const a = evaluateCandidate([crit({ key: "x", weight: 50 }), crit({ key: "y", weight: 50 })], {
    x: 90,
    y: 40,
  });
  const b = evaluateCandidate([crit({ key: "x", weight: 50 }), crit({ key: "y", weight: 50 })], {
    x: 90,
    y: 70,
  });
  it("marks the best per criterion, ties included, and the best total", () => {
    const c = compareCandidates([
      { id: "a", ...a },
      { id: "b", ...b },
    ]);
    expect(c.rows.map((r) => r.key)).toEqual(["x", "y"]);
    expect(c.rows[0]).toMatchObject({ points: [90, 90], best: [0, 1] });
    expect(c.rows[1]).toMatchObject({ points: [40, 70], best: [1] });
    expect(c.bestTotal).toEqual([1]);
  });
  it("a criterion one candidate lacks shows null and cannot be best", () => {
    const c = compareCandidates([
      { id: "a", total: 10, scores: [{ ...a.scores[0]!, key: "only" }] },
      { id: "b", ...b },
    ]);
    const only = c.rows.find((r) => r.key === "only")!;
    expect(only.points).toEqual([90, null]);
    expect(only.best).toEqual([0]);
  });
  it("nothing to compare gives nothing", () => {
    expect(compareCandidates([])).toEqual({ rows: [], bestTotal: [] });
  });
});
