// CSAT and NPS (lib/domain/satisfaction.ts): buckets at their edges, rounding, "not measured" when
// nobody answered, the low-score rule and the satisfaction index, with properties over any answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countNps,
  csatFromScores,
  csatPercent,
  isLowScore,
  isSatisfied,
  netPromoterScore,
  npsBucket,
  responseRate,
  satisfactionIndex,
} from "@/lib/domain/satisfaction";
import { figuresFromCounts, satisfactionFigures } from "@/lib/domain/survey-results";

describe("NPS", () => {
  it("puts 0–6 in detractors, 7–8 in passives and 9–10 in promoters (edges 6/7/8/9)", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBucket)).toEqual([
      "detractors",
      "detractors",
      "passives",
      "passives",
      "promoters",
      "promoters",
    ]);
  });

  it("is promoters minus detractors in percent, one decimal; null without answers", () => {
    expect(netPromoterScore(countNps([]))).toBeNull();
    expect(netPromoterScore(countNps([10, 9, 8, 7, 6, 0]))).toBe(0);
    expect(netPromoterScore(countNps([10, 10, 10]))).toBe(100);
    expect(netPromoterScore(countNps([0, 3, 6]))).toBe(-100);
    expect(netPromoterScore(countNps([7, 8]))).toBe(0);
    expect(netPromoterScore(countNps([9, 9, 0]))).toBe(33.3);
    expect(netPromoterScore(countNps([9, 0, 0]))).toBe(-33.3);
    expect(netPromoterScore({ promoters: 2, passives: 0, detractors: 1 })).toBe(33.3);
    expect(netPromoterScore({ promoters: 1, passives: 5, detractors: 0 })).toBe(16.7);
  });

  it("stays within −100…100 and counts every answer once (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 500 }), (scores) => {
        const counts = countNps(scores);
        expect(counts.promoters + counts.passives + counts.detractors).toBe(scores.length);
        const nps = netPromoterScore(counts);
        if (!scores.length) expect(nps).toBeNull();
        else {
          expect(nps!).toBeGreaterThanOrEqual(-100);
          expect(nps!).toBeLessThanOrEqual(100);
          expect(Math.round(nps! * 10) / 10).toBe(nps);
        }
      }),
    );
  });

  it("does not fall when a promoter is added (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const before = netPromoterScore(countNps(scores))!;
        const after = netPromoterScore(countNps([...scores, 10]))!;
        expect(after).toBeGreaterThanOrEqual(before - 0.1); // one-decimal rounding
      }),
    );
  });
});

describe("CSAT", () => {
  it("counts 4 and 5 as satisfied, 3 and below not", () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });

  it("is the satisfied share in percent, one decimal; null without answers", () => {
    expect(csatFromScores([])).toBeNull();
    expect(csatPercent(0, 0)).toBeNull();
    expect(csatPercent(1, -1)).toBeNull();
    expect(csatFromScores([5, 4, 3])).toBe(66.7);
    expect(csatFromScores([1, 2, 3])).toBe(0);
    expect(csatFromScores([4, 5])).toBe(100);
    expect(csatPercent(1, 8)).toBe(12.5);
    expect(csatPercent(1, 3)).toBe(33.3);
  });

  it("stays within 0…100 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 500 }), (scores) => {
        const csat = csatFromScores(scores)!;
        expect(csat).toBeGreaterThanOrEqual(0);
        expect(csat).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("response rate", () => {
  it("is null when nothing was sent and never above 100", () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(3, 0)).toBeNull();
    expect(responseRate(1, 3)).toBe(33.3);
    expect(responseRate(5, 4)).toBe(100);
    expect(responseRate(0, 7)).toBe(0);
  });
});

describe("low scores", () => {
  const defaults = { lowCsatAtMost: 2, lowNpsAtMost: 6 };

  it("is low at or below the thresholds, on either figure", () => {
    expect(isLowScore({ nps: 6 }, defaults)).toBe(true);
    expect(isLowScore({ nps: 7 }, defaults)).toBe(false);
    expect(isLowScore({ csat: 2 }, defaults)).toBe(true);
    expect(isLowScore({ csat: 3 }, defaults)).toBe(false);
    expect(isLowScore({ csat: 5, nps: 0 }, defaults)).toBe(true);
    expect(isLowScore({ csat: 1, nps: 10 }, defaults)).toBe(true);
  });

  it("is never low without a figure, and NPS 0 / CSAT 1 are figures, not missing", () => {
    expect(isLowScore({}, defaults)).toBe(false);
    expect(isLowScore({ csat: null, nps: null }, defaults)).toBe(false);
    expect(isLowScore({ nps: 0 }, { lowCsatAtMost: 0, lowNpsAtMost: 0 })).toBe(true);
    expect(isLowScore({ csat: 1 }, { lowCsatAtMost: 1, lowNpsAtMost: -1 })).toBe(true);
  });
});

describe("satisfaction index", () => {
  it("averages CSAT % and NPS mapped onto 0–100, whichever are measured", () => {
    expect(satisfactionIndex(null, null)).toBeNull();
    expect(satisfactionIndex(80, null)).toBe(80);
    expect(satisfactionIndex(null, -100)).toBe(0);
    expect(satisfactionIndex(null, 100)).toBe(100);
    expect(satisfactionIndex(80, 20)).toBe(70);
    expect(satisfactionIndex(66.7, 33.3)).toBe(66.7);
  });

  it("stays within 0…100 (property)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        fc.option(fc.double({ min: -100, max: 100, noNaN: true })),
        (csat, nps) => {
          const index = satisfactionIndex(csat, nps);
          if (csat === null && nps === null) expect(index).toBeNull();
          else {
            expect(index!).toBeGreaterThanOrEqual(0);
            expect(index!).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe("figures from counts", () => {
  it("equal the figures of the answers they count, whatever the answers", () => {
    const answer = fc.record({
      csat: fc.option(fc.integer({ min: 1, max: 5 })),
      nps: fc.option(fc.integer({ min: 0, max: 10 })),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), fc.nat(100), (answers, unanswered) => {
        const sent = answers.length + unanswered;
        const csats = answers.flatMap((a) => (a.csat === null ? [] : [a.csat]));
        const counted = figuresFromCounts({
          sent,
          responded: answers.length,
          csatAnswers: csats.length,
          satisfied: csats.filter(isSatisfied).length,
          ...countNps(answers.flatMap((a) => (a.nps === null ? [] : [a.nps]))),
        });
        expect(counted).toEqual(satisfactionFigures(sent, answers));
      }),
    );
  });
});
