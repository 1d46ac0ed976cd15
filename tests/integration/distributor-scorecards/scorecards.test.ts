// Quarterly scorecards on planted rows: every factor, the weights and re-weighting, ranking,
// satisfaction from the distributor's survey answers, the review (note, override) kept across a
// recompute, and scope.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listScorecards, getScorecard } from "@/lib/data/distributor-scorecards/list";
import { loadScorecardSection } from "@/lib/data/distributor-scorecards/section";
import { recomputeScorecards, reviewScorecard } from "@/lib/data/distributor-scorecards/write";
import { saveScorecardSettings, scorecardSettings } from "@/lib/data/distributor-scorecards/settings";
import type { ScorecardFactors } from "@/lib/data/distributor-scorecards/compute";
import { outcome, viewerFor } from "../helpers";
import { plantQuarter, QUARTER, sendChannelSurvey, answer } from "./fixtures";

let ids: Awaited<ReturnType<typeof plantQuarter>>;
const card = (distributorId: string) =>
  db.distributorScorecard.findUniqueOrThrow({
    where: { distributorId_periodKey: { distributorId, periodKey: QUARTER } },
  });
const query = {
  periodKey: QUARTER,
  recommendation: null,
  q: null,
  sort: "rank",
  dir: "asc",
  page: 1,
  pageSize: 200,
} as const;

beforeAll(async () => {
  ids = await plantQuarter();
});

describe("computing a quarter", () => {
  it("measures every factor as computed by hand", async () => {
    const channel = await viewerFor("usr_east_channel");
    expect(
      (await recomputeScorecards(channel, QUARTER, { now: new Date("2026-01-10T00:00:00Z") })).computed,
    ).toBeGreaterThan(1);
    const a = await card(ids.a);
    const f = a.factors as unknown as ScorecardFactors;
    expect(f.achievement).toEqual({ points: 75, sellIn: "900", target: "1200" });
    expect(f.growth).toEqual({ points: 100, sellIn: "900", lastYear: "600" });
    expect(f.paymentTimeliness).toEqual({ points: 75, due: 2, onTime: 1, averageDaysLate: 30 });
    expect(f.conflicts).toEqual({ points: 85, open: 1, outcomes: ["WARNING"] });
    expect(f.inventory).toMatchObject({ points: 100, months: 1.5, stock: "300", monthlySellOut: "200" });
    expect(f.satisfaction.points).toBeNull();
    // (30×75 + 15×100 + 20×75 + 15×85 + 10×100) / 90 = 83.6 — satisfaction re-weighted away.
    expect(a.total).toBe(84);
    expect(a.recommendation).toBe("KEEP");
    // B: only conflicts (traded, no cases) and inventory were measurable.
    const b = await card(ids.b);
    expect(b.total).toBe(100);
    expect((b.factors as unknown as ScorecardFactors).achievement.points).toBeNull();
    // Competition ranking over the whole quarter (other files plant in it too).
    const above = await db.distributorScorecard.count({ where: { periodKey: QUARTER, total: { gt: 84 } } });
    expect(b.rank).toBe(1);
    expect(a.rank).toBe(above + 1);
  });

  it("a channel manager computes and lists only their territories' distributors", async () => {
    expect(await db.distributorScorecard.count({ where: { distributorId: ids.c, periodKey: QUARTER } })).toBe(
      0,
    );
    const east = await viewerFor("usr_east_channel");
    const north = await viewerFor("usr_north_channel");
    const eastList = await listScorecards(east, query);
    expect(eastList.rows.map((r) => r.distributorId)).toEqual(expect.arrayContaining([ids.a, ids.b]));
    await recomputeScorecards(north, QUARTER);
    const c = await card(ids.c);
    expect((await listScorecards(east, query)).rows.some((r) => r.distributorId === ids.c)).toBe(false);
    expect(await outcome(getScorecard(east, c.id))).toBe("NOT_FOUND");
    expect(await outcome(loadScorecardSection(east, ids.c))).toBe("NOT_FOUND");
    expect(await outcome(getScorecard(north, c.id))).toBe("OK");
    // A rep reads but may not recompute.
    const rep = await db.user.findFirstOrThrow({ where: { role: "REP", active: true } });
    expect(await outcome(recomputeScorecards(await viewerFor(rep.id), QUARTER))).toBe("FORBIDDEN");
  });

  it("satisfaction is the quarter's answers to the distributor's surveys", async () => {
    const channel = await viewerFor("usr_east_channel");
    const { surveyId, tokens } = await sendChannelSurvey(channel, ids.a);
    // One contact answered in the quarter (CSAT 5, NPS 10), the other only after it ended.
    expect(await answer(tokens[0]!, { csat: "5", nps: "10" }, "2019-05-20T02:00:00Z")).toBe("saved");
    expect(await answer(tokens[1]!, { csat: "1", nps: "0" }, "2019-07-02T02:00:00Z")).toBe("saved");
    await recomputeScorecards(channel, QUARTER, { now: new Date("2026-01-10T00:00:00Z") });
    const a = await card(ids.a);
    const f = a.factors as unknown as ScorecardFactors;
    expect(f.satisfaction).toEqual({ points: 100, answers: 1, csat: 100, nps: 100 });
    // (7525 + 10×100) / 100 = 85.25 → 85: now an upgrade.
    expect(a.total).toBe(85);
    expect(a.recommendation).toBe("UPGRADE");
    // A deleted survey's answers no longer count.
    await db.survey.update({ where: { id: surveyId }, data: { deletedAt: new Date() } });
    await recomputeScorecards(channel, QUARTER, { now: new Date("2026-01-10T00:00:00Z") });
    expect(((await card(ids.a)).factors as unknown as ScorecardFactors).satisfaction.points).toBeNull();
    await db.survey.update({ where: { id: surveyId }, data: { deletedAt: null } });
    await recomputeScorecards(channel, QUARTER, { now: new Date("2026-01-10T00:00:00Z") });
  });

  it("the review records a note and an override, kept across a recompute", async () => {
    const channel = await viewerFor("usr_east_channel");
    const a = await card(ids.a);
    await reviewScorecard(channel, { id: a.id, version: a.version, recommendation: null, note: "复盘" });
    const reviewed = await card(ids.a);
    expect(reviewed.total).toBe(85);
    expect(reviewed.recommendation).toBe("UPGRADE");
    expect(reviewed.reviewedById).toBe("usr_east_channel");
    expect(
      await outcome(
        reviewScorecard(channel, { id: a.id, version: a.version, recommendation: null, note: null }),
      ),
    ).toBe("CONFLICT");
    await reviewScorecard(channel, {
      id: a.id,
      version: reviewed.version,
      recommendation: "WARN",
      note: "观察",
    });
    await recomputeScorecards(channel, QUARTER);
    const after = await card(ids.a);
    expect(after.total).toBe(85);
    expect(after.recommendation).toBe("WARN");
    expect((after.factors as unknown as ScorecardFactors).computedRecommendation).toBe("UPGRADE");
    expect(after.note).toBe("观察");
    const audits = await db.auditLog.count({
      where: { entityId: a.id, action: "distributorScorecard.review" },
    });
    expect(audits).toBe(2);
    const section = await loadScorecardSection(channel, ids.a);
    expect((section.latest?.periodKey ?? "") >= QUARTER).toBe(true);
    expect(section.trend.some((t) => t.periodKey === QUARTER && t.total === 85)).toBe(true);
  });

  it("weights come from the settings; a weight total other than 100 is refused", async () => {
    const admin = await viewerFor("usr_admin");
    const before = await scorecardSettings();
    const weights = {
      achievement: 100,
      growth: 0,
      paymentTimeliness: 0,
      conflicts: 0,
      inventory: 0,
      satisfaction: 0,
    };
    expect(
      await outcome(saveScorecardSettings(admin, { ...before, weights: { ...weights, growth: 5 } })),
    ).toBe("VALIDATION");
    expect(await outcome(saveScorecardSettings(admin, { ...before, weights, keepAt: 90 }))).toBe(
      "VALIDATION",
    );
    expect(
      await outcome(saveScorecardSettings(await viewerFor("usr_east_channel"), { ...before, weights })),
    ).toBe("FORBIDDEN");
    await saveScorecardSettings(admin, { ...before, weights });
    await recomputeScorecards(admin, QUARTER);
    expect((await card(ids.a)).total).toBe(75); // achievement alone
    expect((await card(ids.b)).total).toBeNull(); // nothing weighted was measurable
    expect((await card(ids.b)).rank).toBeNull();
    const now = await scorecardSettings();
    await saveScorecardSettings(admin, { ...before, version: now.version });
  });
});

describe("the quarterly job", () => {
  it("computes the quarter just ended once, then leaves it to people", async () => {
    const { runDistributorScorecardsJob } = await import("@/lib/data/distributor-scorecards/job");
    const now = new Date("2019-04-03T02:00:00Z"); // 2019-Q1 has just ended
    const first = await runDistributorScorecardsJob(now);
    expect(first.detail).toMatchObject({ periodKey: "2019-Q1" });
    expect(first.processed).toBeGreaterThan(0);
    expect(await db.distributorScorecard.count({ where: { periodKey: "2019-Q1" } })).toBe(first.processed);
    expect(
      await db.auditLog.count({ where: { action: "distributorScorecard.compute", actorId: null } }),
    ).toBeGreaterThan(0);
    expect((await runDistributorScorecardsJob(now)).processed).toBe(0);
  });
});
