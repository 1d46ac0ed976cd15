import { describe, expect, it } from "vitest";
import { periodKey } from "@/lib/domain/kpi-period";
import {
  achievementScore,
  lastCompleteQuarter,
  reviewPeriodOptions,
  budgetScore,
  measure,
  RECOMMENDED_INDICATORS,
  scoreCard,
  weightTotals,
  type Indicator,
  type ScorecardFigures,
} from "@/lib/domain/scorecard";

const figures = (over: Partial<ScorecardFigures> = {}): ScorecardFigures => ({
  revenue: 0,
  collections: 0,
  visits: 0,
  visitsWithOutcome: 0,
  visitsAdvanced: 0,
  newAccounts: 0,
  dealsWon: 0,
  dealsClosed: 0,
  followUpsDue: 0,
  followUpsOnTime: 0,
  accounts: 0,
  accountsOverdue: 0,
  targets: { REVENUE: null, COLLECTIONS: null, NEW_ACCOUNTS: null, VISITS: null },
  budget: { budget: null, spent: 0 },
  months: 1,
  ...over,
});

const indicator = (over: Partial<Indicator>): Indicator => ({
  id: over.code ?? "x",
  code: "x",
  name: "指标",
  nameEn: "Indicator",
  metric: "REVENUE_ACHIEVEMENT",
  fullMarksAt: null,
  weightManager: 0,
  weightKam: 0,
  weightRep: 0,
  ...over,
});

describe("achievement rates", () => {
  it("score the rate × 100, capped at 100", () => {
    expect(achievementScore(80, 100)).toMatchObject({ rate: 0.8, score: 80 });
    expect(achievementScore(130, 100)).toMatchObject({ rate: 1.3, score: 100 });
    expect(achievementScore(-10, 100).score).toBe(0); // credit notes exceeding invoices
  });

  it("are not measured without a target (not 0)", () => {
    expect(achievementScore(500, null)).toMatchObject({ score: null, rate: null, actual: 500 });
    expect(achievementScore(500, 0).score).toBeNull();
  });

  it("read each metric's own figure and target", () => {
    const f = figures({
      revenue: 50,
      collections: 30,
      newAccounts: 1,
      visits: 9,
      targets: { REVENUE: 100, COLLECTIONS: 40, NEW_ACCOUNTS: 4, VISITS: 12 },
    });
    expect(measure("REVENUE_ACHIEVEMENT", f, null).score).toBe(50);
    expect(measure("COLLECTION_ACHIEVEMENT", f, null).score).toBe(75);
    expect(measure("NEW_ACCOUNTS_ACHIEVEMENT", f, null).score).toBe(25);
    expect(measure("VISIT_ACHIEVEMENT", f, null).score).toBe(75);
  });
});

describe("task completion (任务完成率)", () => {
  it("is follow-ups done on time ÷ due", () => {
    expect(measure("TASK_COMPLETION", figures({ followUpsDue: 8, followUpsOnTime: 6 }), 100)).toMatchObject({
      actual: 6,
      target: 8,
      rate: 0.75,
      score: 75,
    });
  });
  it("is not measured when nothing was due", () => {
    expect(measure("TASK_COMPLETION", figures({ followUpsDue: 0 }), 100).score).toBeNull();
  });
  it("earns full marks at fullMarksAt % (default 100 %)", () => {
    const f = figures({ followUpsDue: 10, followUpsOnTime: 9 });
    expect(measure("TASK_COMPLETION", f, 90).score).toBe(100);
    expect(measure("TASK_COMPLETION", f, null).score).toBe(90);
  });
});

describe("visits × success (拜访量 × 成功率)", () => {
  const f = figures({ visits: 30, visitsWithOutcome: 20, visitsAdvanced: 8 }); // 30 × 40 % = 12
  it("scores the expected successful visits against fullMarksAt a month", () => {
    expect(measure("VISITS_TIMES_SUCCESS", f, 8)).toMatchObject({ actual: 12, target: 8, score: 100 });
    expect(measure("VISITS_TIMES_SUCCESS", f, 24).score).toBe(50);
  });
  it("prorates full marks to the period's months", () => {
    expect(measure("VISITS_TIMES_SUCCESS", { ...f, months: 3 }, 8)).toMatchObject({ target: 24, score: 50 });
    expect(measure("VISITS_TIMES_SUCCESS", { ...f, months: 0.5 }, 8).target).toBe(4);
  });
  it("is not measured when no visit stated an outcome, or without fullMarksAt", () => {
    expect(measure("VISITS_TIMES_SUCCESS", figures({ visits: 5 }), 8).score).toBeNull();
    expect(measure("VISITS_TIMES_SUCCESS", f, null).score).toBeNull();
  });
});

describe("win rate", () => {
  it("is won ÷ closed against fullMarksAt %", () => {
    const f = figures({ dealsWon: 2, dealsClosed: 5 });
    expect(measure("WIN_RATE", f, null).score).toBeCloseTo(40);
    expect(measure("WIN_RATE", f, 40).score).toBeCloseTo(100);
    expect(measure("WIN_RATE", figures(), 40).score).toBeNull();
  });
});

describe("budget execution (费用预算执行率)", () => {
  it("earns full marks within budget, under-spending included", () => {
    expect(budgetScore(100, 100).score).toBe(100);
    expect(budgetScore(20, 100)).toMatchObject({ rate: 0.2, score: 100 });
    expect(budgetScore(0, 100).score).toBe(100);
  });
  it("loses 2 points per 1 % over budget, 0 from 150 %", () => {
    expect(budgetScore(110, 100).score).toBeCloseTo(80);
    expect(budgetScore(125, 100).score).toBeCloseTo(50);
    expect(budgetScore(150, 100).score).toBe(0);
    expect(budgetScore(400, 100).score).toBe(0);
  });
  it("is not measured without a budget", () => {
    expect(budgetScore(500, null)).toMatchObject({ score: null, actual: 500, target: null });
    expect(budgetScore(500, 0).score).toBeNull();
  });
});

describe("risk control (风险控制)", () => {
  it("is 1 − the share of accounts overdue for contact", () => {
    expect(measure("RISK_CONTROL", figures({ accounts: 10, accountsOverdue: 3 }), null)).toMatchObject({
      actual: 7,
      target: 10,
      score: 70,
    });
    expect(measure("RISK_CONTROL", figures({ accounts: 10, accountsOverdue: 0 }), null).score).toBe(100);
  });
  it("is not measured for someone with no accounts", () => {
    expect(measure("RISK_CONTROL", figures(), null).score).toBeNull();
  });
});

describe("customer satisfaction", () => {
  it("is not measured when nobody answered (or no survey figures were given)", () => {
    expect(measure("CUSTOMER_SATISFACTION", figures({ revenue: 1 }), 100).score).toBeNull();
    const none = figures({ satisfaction: { csat: null, nps: null } });
    expect(measure("CUSTOMER_SATISFACTION", none, 100)).toEqual({
      actual: null,
      target: null,
      rate: null,
      score: null,
    });
  });
  it("scores the satisfaction index of CSAT % and NPS", () => {
    // CSAT 80 %, NPS 20 → (80 + (20 + 100) / 2) / 2 = 70.
    expect(measure("CUSTOMER_SATISFACTION", figures({ satisfaction: { csat: 80, nps: 20 } }), null)).toEqual({
      actual: 70,
      target: null,
      rate: null,
      score: 70,
    });
    // Only NPS answered: NPS −40 → 30.
    expect(
      measure("CUSTOMER_SATISFACTION", figures({ satisfaction: { csat: null, nps: -40 } }), null).score,
    ).toBe(30);
  });
});

describe("the weighted scorecard", () => {
  const system = [
    indicator({ code: "rev", metric: "REVENUE_ACHIEVEMENT", weightRep: 60, weightKam: 50 }),
    indicator({ code: "tasks", metric: "TASK_COMPLETION", weightRep: 40, weightKam: 0 }),
    indicator({ code: "sat", metric: "CUSTOMER_SATISFACTION", weightRep: 0, weightKam: 50 }),
  ];

  it("weights each measured indicator and sums the contributions", () => {
    const f = figures({
      revenue: 90,
      targets: { ...figures().targets, REVENUE: 100 },
      followUpsDue: 4,
      followUpsOnTime: 2,
    });
    const card = scoreCard(system, "rep", f);
    expect(card.indicators.map((i) => i.code)).toEqual(["rev", "tasks"]); // weight 0 is left out
    expect(card.weightedScore).toBeCloseTo(0.6 * 90 + 0.4 * 50);
    const sum = card.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(card.weightedScore!);
    expect(card).toMatchObject({ measuredWeight: 100, totalWeight: 100 });
  });

  it("rescales when an indicator is not measured (not measured ≠ 0)", () => {
    const f = figures({ revenue: 80, targets: { ...figures().targets, REVENUE: 100 } });
    const card = scoreCard(system, "kam", f); // satisfaction not measured
    expect(card.weightedScore).toBeCloseTo(80);
    expect(card.measuredWeight).toBe(50);
    expect(card.indicators.find((i) => i.code === "sat")).toMatchObject({ score: null, contribution: null });
  });

  it("has no score when nothing could be measured", () => {
    const card = scoreCard(system, "rep", figures());
    expect(card.weightedScore).toBeNull();
    expect(card.indicators.every((i) => i.contribution === null)).toBe(true);
  });

  it("the recommended system adds to 100 for every role", () => {
    const all = RECOMMENDED_INDICATORS.map((i) => ({ ...i, id: i.code }));
    expect(weightTotals(all)).toEqual({ manager: 100, kam: 100, rep: 100 });
    expect(new Set(all.map((i) => i.code)).size).toBe(all.length);
  });
});

describe("review periods", () => {
  it("the last complete quarter crosses the year in Q1", () => {
    expect(lastCompleteQuarter("2026-12-02")).toMatchObject({
      kind: "quarter",
      start: "2026-07-01",
      end: "2026-09-30",
    });
    expect(lastCompleteQuarter("2026-02-10")).toMatchObject({ start: "2025-10-01", end: "2025-12-31" });
  });
  it("offers quarters, months and years, newest first", () => {
    const keys = reviewPeriodOptions("2026-02-10").map((p) => periodKey(p));
    expect(keys).toEqual([
      "2026-Q1",
      "2025-Q4",
      "2025-Q3",
      "2025-Q2",
      "2025-Q1",
      "2026-02",
      "2026-01",
      "2025-12",
      "2025-11",
      "2025-10",
      "2025-09",
      "2026",
      "2025",
    ]);
  });
});
