import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { satisfactionFigures } from "@/lib/data/kpi/satisfaction";
import type { KpiScope } from "@/lib/data/kpi/scope";
import { computeScorecard } from "@/lib/data/reviews/scorecard";
import { monthPeriod } from "@/lib/domain/kpi-period";
import { china, makeSatisfactionOrg, type SatisfactionOrg } from "./satisfaction-fixture";

// The dashboard's satisfaction figures and the scorecard's CUSTOMER_SATISFACTION against rows whose
// figures were worked out by hand (see satisfaction-fixture.ts).

const MARCH = monthPeriod(2025, 3);
const FEBRUARY = monthPeriod(2025, 2);
const NOW = china("2025-06-01T00:00:00");

let org: SatisfactionOrg;
const team = (id: string, ids: string[]): KpiScope => ({ kind: "team", teamId: id, teamIds: ids });

beforeAll(async () => {
  org = await makeSatisfactionOrg();
});

describe("satisfaction figures on the dashboard", () => {
  it("team A in March: CSAT, NPS, complaints, SLA attainment, open complaints, health", async () => {
    const f = await satisfactionFigures(team(org.teamA.id, [org.teamA.id]), MARCH, FEBRUARY, NOW);
    expect(f.current).toEqual({
      csatAnswers: 3,
      csatSatisfied: 2,
      csat: 66.7,
      npsAnswers: 4,
      nps: 25,
      complaintsReceived: 3,
      slaDue: 3,
      slaMet: 2,
      slaAttainment: 2 / 3,
    });
    expect(f.previous).toEqual({
      csatAnswers: 1,
      csatSatisfied: 0,
      csat: 0,
      npsAnswers: 1,
      nps: -100,
      complaintsReceived: 1,
      slaDue: 0,
      slaMet: 0,
      slaAttainment: null,
    });
    expect(f.byCategory).toEqual([
      { category: "QUALITY", count: 2 },
      { category: "DELIVERY", count: 1 },
      { category: "SERVICE", count: 0 },
      { category: "PRICE", count: 0 },
      { category: "BILLING", count: 0 },
      { category: "OTHER", count: 0 },
    ]);
    expect(f).toMatchObject({ openComplaints: 2, healthAverage: 60, healthScored: 2, atRisk: 1 });
  });

  it("another team's answers and complaints never count; the region adds both", async () => {
    const b = await satisfactionFigures(team(org.teamB.id, [org.teamB.id]), MARCH, FEBRUARY, NOW);
    expect(b.current).toMatchObject({
      csat: 0,
      nps: -100,
      complaintsReceived: 1,
      slaDue: 1,
      slaMet: 0,
      slaAttainment: 0,
    });
    expect(b).toMatchObject({ openComplaints: 1, healthAverage: 20, atRisk: 1 });

    const region = team(org.root.id, [org.root.id, org.teamA.id, org.teamB.id]);
    const r = await satisfactionFigures(region, MARCH, FEBRUARY, NOW);
    // CSAT 5,2,4,1 → 2 of 4 = 50 %; NPS 10,3,8,9,0 → (2 − 2) / 5 = 0.
    expect(r.current).toMatchObject({
      csat: 50,
      nps: 0,
      complaintsReceived: 4,
      slaDue: 4,
      slaMet: 2,
      slaAttainment: 0.5,
    });
    // Health (40 + 80 + 20) / 3 = 46.7.
    expect(r).toMatchObject({ openComplaints: 3, healthAverage: 46.7, healthScored: 3, atRisk: 2 });
  });

  it("one person: their own answers and complaints only", async () => {
    const other = await satisfactionFigures(
      { kind: "person", userId: org.repA2.id, teamId: org.teamA.id },
      MARCH,
      FEBRUARY,
      NOW,
    );
    expect(other.current).toMatchObject({
      csat: null,
      nps: null,
      complaintsReceived: 0,
      slaAttainment: null,
    });
    expect(other).toMatchObject({ openComplaints: 0, healthAverage: null, healthScored: 0, atRisk: 0 });
    const own = await satisfactionFigures(
      { kind: "person", userId: org.repA.id, teamId: org.teamA.id },
      MARCH,
      FEBRUARY,
      NOW,
    );
    expect(own.current).toMatchObject({ csat: 66.7, nps: 25, complaintsReceived: 3, slaMet: 2, slaDue: 3 });
  });

  it("an empty period is not measured, not zero", async () => {
    const f = await satisfactionFigures(
      team(org.teamA.id, [org.teamA.id]),
      monthPeriod(2024, 6),
      monthPeriod(2024, 5),
      NOW,
    );
    expect(f.current).toMatchObject({
      csat: null,
      nps: null,
      complaintsReceived: 0,
      slaDue: 0,
      slaAttainment: null,
    });
  });

  it("SLA attainment counts only what has fallen due by now", async () => {
    // On 11 March at noon only c4 (due 2 March) and c1 (due 6 March) have fallen due, both met.
    const f = await satisfactionFigures(
      team(org.teamA.id, [org.teamA.id]),
      MARCH,
      FEBRUARY,
      china("2025-03-11T12:00:00"),
    );
    expect(f.current).toMatchObject({ slaDue: 2, slaMet: 2, slaAttainment: 1 });
  });
});

describe("the scorecard's customer-satisfaction indicator", () => {
  it("is the satisfaction index of the person's answers, null for someone nobody answered about", async () => {
    const indicator = await db.scorecardIndicator.create({
      data: {
        code: `it-sat-${org.teamA.id}`,
        name: "客户满意度",
        nameEn: "Customer satisfaction",
        metric: "CUSTOMER_SATISFACTION",
        weightRep: 100,
        weightManager: 100,
        sortOrder: 999,
      },
    });
    try {
      const find = (card: Awaited<ReturnType<typeof computeScorecard>>) =>
        card.indicators.find((i) => i.code === indicator.code);
      // CSAT 66.7, NPS 25 → (66.7 + 62.5) / 2 = 64.6.
      const a = await computeScorecard(org.repA.id, MARCH, "2025-06-01");
      expect(find(a)).toMatchObject({ actual: 64.6, score: 64.6 });
      const a2 = await computeScorecard(org.repA2.id, MARCH, "2025-06-01");
      expect(find(a2)).toMatchObject({ actual: null, score: null });
      // The region's manager is scored on the subtree: CSAT 50, NPS 0 → (50 + 50) / 2 = 50.
      const m = await computeScorecard(org.mgrR.id, MARCH, "2025-06-01");
      expect(find(m)).toMatchObject({ score: 50 });
    } finally {
      await db.scorecardIndicator.update({ where: { id: indicator.id }, data: { deletedAt: new Date() } });
    }
  });
});
