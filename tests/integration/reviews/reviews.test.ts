// Scorecards and performance reviews on PostgreSQL: figures from the rollups and targets, the
// frozen snapshot, scope (another region, a colleague), the subject's answer, versions, audit,
// notifications, and one live review per person and period.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { quarterPeriod } from "@/lib/domain/kpi-period";
import { listNotifications } from "@/lib/data/notifications";
import { loadScorecard, loadTeamScores } from "@/lib/data/reviews/scorecard";
import {
  deleteReview,
  getReview,
  listMyReviews,
  listTeamReviews,
  openReview,
  respondToReview,
  restoreReview,
  shareReview,
  updateReview,
} from "@/lib/data/reviews/reviews";
import { chinaDayStart } from "@/lib/domain/calendar";
import { makeRecord } from "../../factories/visits";
import { auditRowsFor, outcome, viewerFor } from "../helpers";
import { account, ensureIndicators, ledger, monthlyTarget, region } from "./fixtures";

const TODAY = "2026-12-02";
const Q3 = quarterPeriod(2025, 3);

let east: Awaited<ReturnType<typeof region>>;
let west: Awaited<ReturnType<typeof region>>;

beforeAll(async () => {
  await ensureIndicators();
  east = await region("测试东区");
  west = await region("测试西区");
  // rep1 in 2025 Q3: ¥300,000 revenue against a ¥400,000 target (75 %), 4 visits of which 2
  // advanced the account (of 4 with an outcome): 4 × 50 % = 2 successful visits.
  const acc = await account(east.rep1.id);
  await ledger(east.rep1.id, east.team.id, acc.id, "2025-07-01", 100_000);
  await ledger(east.rep1.id, east.team.id, acc.id, "2025-08-01", 200_000);
  for (const [m, fen] of [
    [7, 10_000_000],
    [8, 15_000_000],
    [9, 15_000_000],
  ] as const) {
    await monthlyTarget(east.rep1.id, 2025, m, "REVENUE", fen);
  }
  for (const [day, outcome] of [
    ["2025-07-10", "ADVANCED"],
    ["2025-08-12", "ADVANCED"],
    ["2025-08-20", "NO_PROGRESS"],
    ["2025-09-05", "NO_PROGRESS"],
  ] as const) {
    await makeRecord(db, {
      ownerId: east.rep1.id,
      accountId: acc.id,
      visitedAt: chinaDayStart(day),
      outcome,
    });
  }
  // rep2 does better on revenue: ¥500,000 against ¥400,000.
  const acc2 = await account(east.rep2.id);
  await ledger(east.rep2.id, east.team.id, acc2.id, "2025-07-01", 500_000);
  for (const [m, fen] of [
    [7, 10_000_000],
    [8, 15_000_000],
    [9, 15_000_000],
  ] as const) {
    await monthlyTarget(east.rep2.id, 2025, m, "REVENUE", fen);
  }
});

const indicator = (card: Awaited<ReturnType<typeof loadScorecard>>, metric: string) =>
  card.indicators.find((i) => i.metric === metric);

describe("scorecards", () => {
  it("scores a rep on their own figures and ranks them in the team", async () => {
    const card = await loadScorecard(await viewerFor(east.manager.id), east.rep1.id, Q3, TODAY);
    const revenue = indicator(card, "REVENUE_ACHIEVEMENT")!;
    expect(revenue.actual).toBe(30_000_000);
    expect(revenue.target).toBeCloseTo(40_000_000);
    expect(revenue.score).toBeCloseTo(75);
    expect(indicator(card, "VISITS_TIMES_SUCCESS")).toMatchObject({ actual: 2, target: 24 });
    // No collections target, no budget, no satisfaction survey: not measured, not zero.
    expect(indicator(card, "COLLECTION_ACHIEVEMENT")?.score).toBeNull();
    expect(indicator(card, "BUDGET_EXECUTION")?.score).toBeNull();
    expect(card.measuredWeight).toBeLessThan(card.totalWeight);
    expect(card.weightedScore).not.toBeNull();
    expect(card).toMatchObject({ basis: "person", peers: 3 }); // the KAM and two reps
    expect(card.rank).toBe(2); // rep2 is ahead on revenue
  });

  it("a rep sees only their own scorecard; another region's manager nobody's here", async () => {
    const rep2 = await viewerFor(east.rep2.id);
    expect(await outcome(loadScorecard(rep2, east.rep2.id, Q3, TODAY))).toBe("OK");
    expect(await outcome(loadScorecard(rep2, east.rep1.id, Q3, TODAY))).toBe("NOT_FOUND");
    expect(await outcome(loadScorecard(await viewerFor(west.manager.id), east.rep1.id, Q3, TODAY))).toBe(
      "NOT_FOUND",
    );
  });

  it("a manager is scored on the team and sees the team's scores", async () => {
    const manager = await viewerFor(east.manager.id);
    const own = await loadScorecard(manager, east.manager.id, Q3, TODAY);
    expect(own.basis).toBe("team");
    expect(indicator(own, "REVENUE_ACHIEVEMENT")?.actual).toBe(80_000_000);
    const team = await loadTeamScores(manager, null, Q3, TODAY);
    expect(team.map((r) => r.person.id).sort()).toEqual([east.kam.id, east.rep1.id, east.rep2.id].sort());
    expect(team.find((r) => r.person.id === east.rep2.id)?.rank).toBe(1);
  });
});

describe("performance reviews", () => {
  it("freezes the scorecard: later ledger lines, visits and targets do not change it", async () => {
    const manager = await viewerFor(east.manager.id);
    const opened = await openReview(manager, { subjectId: east.rep1.id, period: Q3 }, TODAY);
    expect(opened.existing).toBe(false);
    const before = await getReview(manager, opened.id);

    const acc = await db.account.findFirstOrThrow({ where: { ownerId: east.rep1.id } });
    await ledger(east.rep1.id, east.team.id, acc.id, "2025-09-01", 900_000);
    await monthlyTarget(east.rep1.id, 2025, 9, "REVENUE", 1);
    await makeRecord(db, {
      ownerId: east.rep1.id,
      accountId: acc.id,
      visitedAt: chinaDayStart("2025-09-20"),
    });

    const live = await loadScorecard(manager, east.rep1.id, Q3, TODAY);
    expect(indicator(live, "REVENUE_ACHIEVEMENT")?.actual).toBe(120_000_000); // the live one moved
    const after = await getReview(manager, opened.id);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(indicator(after.snapshot, "REVENUE_ACHIEVEMENT")).toMatchObject({
      actual: 30_000_000,
      name: "销售目标达成率",
    });
    expect(after.snapshot.indicators[0]).toHaveProperty("nameEn");
    expect(after.snapshot.indicators[0]).toHaveProperty("weight");
  });

  it("one live review per person and period: a second open answers the first", async () => {
    const manager = await viewerFor(east.manager.id);
    const period = quarterPeriod(2025, 2);
    const first = await openReview(manager, { subjectId: east.kam.id, period }, TODAY);
    const again = await openReview(manager, { subjectId: east.kam.id, period }, TODAY);
    expect(again).toEqual({ id: first.id, existing: true });
    expect(await db.performanceReview.count({ where: { subjectId: east.kam.id, deletedAt: null } })).toBe(1);

    // Deleted, a new one may open; the old one then cannot come back beside it.
    const { version } = await db.performanceReview.findUniqueOrThrow({ where: { id: first.id } });
    await deleteReview(manager, { id: first.id, version });
    const second = await openReview(manager, { subjectId: east.kam.id, period }, TODAY);
    expect(second.existing).toBe(false);
    const deleted = await db.performanceReview.findUniqueOrThrow({ where: { id: first.id } });
    expect(await outcome(restoreReview(manager, { id: first.id, version: deleted.version }))).toBe(
      "DUPLICATE",
    );
    expect((await listTeamReviews(manager, { deleted: true })).map((r) => r.id)).toContain(first.id);
  });

  it("scope: another region's manager and colleagues get NOT_FOUND; reps open nothing; no self-review", async () => {
    const manager = await viewerFor(east.manager.id);
    const { id } = await openReview(manager, { subjectId: east.rep2.id, period: Q3 }, TODAY);
    const westManager = await viewerFor(west.manager.id);
    const rep1 = await viewerFor(east.rep1.id);
    const rep2 = await viewerFor(east.rep2.id);
    const { version } = await db.performanceReview.findUniqueOrThrow({ where: { id } });

    expect(await outcome(getReview(westManager, id))).toBe("NOT_FOUND");
    expect(
      await outcome(
        updateReview(westManager, {
          id,
          version,
          strengths: "x",
          gaps: null,
          rating: null,
          improvementPlan: null,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcome(openReview(westManager, { subjectId: east.rep2.id, period: Q3 }, TODAY))).toBe(
      "NOT_FOUND",
    );
    expect((await listTeamReviews(westManager)).some((r) => r.id === id)).toBe(false);
    // The subject does not see a draft; a colleague never sees it.
    expect(await outcome(getReview(rep2, id))).toBe("NOT_FOUND");
    expect(await outcome(getReview(rep1, id))).toBe("NOT_FOUND");
    expect(await outcome(openReview(rep1, { subjectId: east.rep2.id, period: Q3 }, TODAY))).toBe("FORBIDDEN");
    expect(await outcome(openReview(manager, { subjectId: east.manager.id, period: Q3 }, TODAY))).toBe(
      "NOT_FOUND",
    );
  });

  it("draft → shared → answered, with versions, audit and notifications both ways", async () => {
    const manager = await viewerFor(east.manager.id);
    const rep1 = await viewerFor(east.rep1.id);
    const rep2 = await viewerFor(east.rep2.id);
    const period = quarterPeriod(2025, 4);
    const { id } = await openReview(manager, { subjectId: east.rep1.id, period }, TODAY);

    // Sharing needs every part written.
    expect(await outcome(shareReview(manager, { id, version: 1 }))).toBe("VALIDATION");
    const draft = {
      id,
      version: 1,
      strengths: "客户关系维护扎实，回访及时。",
      gaps: "新客户开发偏少。",
      rating: "GOOD" as const,
      improvementPlan: "下季度每月新增两家目标客户拜访。",
    };
    await updateReview(manager, draft);
    expect(await outcome(updateReview(manager, { ...draft, gaps: "过期版本" }))).toBe("CONFLICT");
    await shareReview(manager, { id, version: 2 });
    expect(await outcome(updateReview(manager, { ...draft, version: 3 }))).toBe("CONFLICT"); // shared: fixed

    const shared = (await listNotifications(rep1)).find((n) => n.entityId === id);
    expect(shared).toMatchObject({ kind: "review.shared", entity: "PerformanceReview" });
    expect((await listMyReviews(rep1)).map((r) => r.id)).toContain(id);
    expect(await outcome(getReview(rep1, id))).toBe("OK");

    // Only the subject answers.
    expect(await outcome(respondToReview(manager, { id, version: 3, response: "代答" }))).toBe("FORBIDDEN");
    expect(await outcome(respondToReview(rep2, { id, version: 3, response: "代答" }))).toBe("NOT_FOUND");
    expect(await outcome(respondToReview(rep1, { id, version: 2, response: "旧版本" }))).toBe("CONFLICT");
    await respondToReview(rep1, { id, version: 3, response: "认同，下季度重点开发新客户。" });
    expect(await outcome(respondToReview(rep1, { id, version: 4, response: "再答" }))).toBe("CONFLICT");

    const done = await getReview(manager, id);
    expect(done).toMatchObject({
      status: "ACKNOWLEDGED",
      response: "认同，下季度重点开发新客户。",
      rating: "GOOD",
    });
    const back = (await listNotifications(manager)).find((n) => n.entityId === id);
    expect(back).toMatchObject({ kind: "review.acknowledged" });

    const actions = (await auditRowsFor(id)).map((r) => r.action);
    expect(actions).toEqual([
      "performanceReview.open",
      "performanceReview.update",
      "performanceReview.share",
      "performanceReview.respond",
    ]);
  });
});
