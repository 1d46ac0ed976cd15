// The demo seed leaves evaluated candidates and four ranked quarters of scorecards, their
// satisfaction scored from the demo distributor surveys' answers.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import { previousQuarter, quarterOf } from "@/lib/domain/distributor-scorecard";
import type { ScorecardFactors } from "@/lib/data/distributor-scorecards/compute";

describe("demo distributor scorecards", () => {
  it("scores candidates and ranks the last four quarters", async () => {
    const scored = await db.distributor.count({
      where: { stage: { in: ["EVALUATION", "NEGOTIATION"] }, selectionScore: { not: null } },
    });
    expect(scored).toBeGreaterThan(0);
    let q = previousQuarter(quarterOf(chinaDate(new Date())));
    for (let k = 0; k < 4; k++, q = previousQuarter(q)) {
      const cards = await db.distributorScorecard.findMany({
        where: { periodKey: q.key, distributorId: { startsWith: "dst_" } },
      });
      // Other suites may move demo distributors between stages later: at least one each quarter.
      expect(cards.length).toBeGreaterThan(0);
      // Reviewed quarters: every scorecard there has a total and a rank.
      if (k > 0) for (const c of cards) expect(c.rank).not.toBeNull();
      // Most distributors' people answered the quarter's survey: their scorecards count it.
      const said = cards.filter((c) => (c.factors as unknown as ScorecardFactors).satisfaction.answers);
      expect(said.length).toBeGreaterThan(cards.length / 2);
      for (const c of said) {
        const s = (c.factors as unknown as ScorecardFactors).satisfaction;
        expect(s.points).toBeGreaterThanOrEqual(0);
        expect(s.points).toBeLessThanOrEqual(100);
      }
    }
  });
});
