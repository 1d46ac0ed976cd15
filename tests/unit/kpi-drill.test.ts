import { describe, expect, it } from "vitest";
import {
  dealProbability,
  drillHref,
  parseAccountDrill,
  parseDealDrill,
  parseVisitDrill,
  periodScopeParams,
  reachedByStage,
  weightedPipeline,
} from "@/lib/domain/kpi-drill";
import { monthPeriod, quarterPeriod } from "@/lib/domain/kpi-period";

const q = (s: string) => new URLSearchParams(s);

describe("drill-down parameters", () => {
  it("reads known sets, stages and tiers and defaults anything else", () => {
    expect(parseDealDrill(q("set=closed&stage=VALUE"))).toEqual({ set: "closed", stage: "VALUE" });
    expect(parseDealDrill(q("set=DROP TABLE&stage=value"))).toEqual({ set: "cohort", stage: null });
    expect(parseVisitDrill(q("set=advanced"))).toEqual({ set: "advanced" });
    expect(parseVisitDrill(q("set=%00"))).toEqual({ set: "all" });
    expect(parseAccountDrill(q("set=overdue&tier=A"))).toEqual({ set: "overdue", tier: "A" });
    expect(parseAccountDrill(q("tier=D"))).toEqual({ set: "overdue", tier: null });
  });

  it("carries the period and one scope parameter, like the ledger's contract", () => {
    expect(periodScopeParams(monthPeriod(2026, 11), { team: "team_east" })).toEqual({
      period: "2026-11",
      team: "team_east",
    });
    expect(
      periodScopeParams(
        { kind: "custom", start: "2026-01-02", end: "2026-02-03" },
        { person: "u1", team: "t" },
      ),
    ).toEqual({
      from: "2026-01-02",
      to: "2026-02-03",
      person: "u1",
    });
    expect(
      drillHref(
        "/dashboard/deals",
        quarterPeriod(2026, 4),
        {},
        { set: "cohort", stage: "VALUE", tier: null },
      ),
    ).toBe("/dashboard/deals?period=2026-Q4&set=cohort&stage=VALUE");
    // Crafted ids are encoded, never spliced into the address.
    expect(drillHref("/ledger", monthPeriod(2026, 1), { team: "a&person=b" })).toBe(
      "/ledger?period=2026-01&team=a%26person%3Db",
    );
  });
});

describe("pipeline weighting and the creation cohort", () => {
  it("weights by the stated probability, else the stage default, clamped", () => {
    expect(dealProbability("VALUE", null)).toBe(40);
    expect(dealProbability("VALUE", 75)).toBe(75);
    expect(dealProbability("CLOSING", 150)).toBe(100);
    expect(dealProbability("TARGET", -5)).toBe(0);
    expect(
      weightedPipeline([
        { stage: "TARGET", expectedValue: 1000, closeProbability: null },
        { stage: "CLOSING", expectedValue: 1000, closeProbability: 50 },
      ]),
    ).toBe(600);
    expect(weightedPipeline([])).toBe(0);
  });

  it("counts a deal as reaching every stage up to its furthest, and won deals all of them", () => {
    expect(
      reachedByStage([
        { furthestStage: "TARGET", status: "OPEN", count: 4 },
        { furthestStage: "VALUE", status: "LOST", count: 2 },
        { furthestStage: "INFORMATION", status: "WON", count: 1 },
      ]),
    ).toEqual([7, 3, 3, 1, 1]);
    expect(reachedByStage([])).toEqual([0, 0, 0, 0, 0]);
  });
});
