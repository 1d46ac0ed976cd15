// Health after each kind of event: computed from the rows in the database, a snapshot only when the
// score or band moved, the batch recompute equal to one account at a time, and the at-risk list
// within the viewer's scope.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { refreshAccountHealth } from "@/lib/data/health/refresh";
import { recomputeHealthBatch } from "@/lib/data/health/recompute";
import { listAtRiskAccounts } from "@/lib/data/health/at-risk";
import { createVisitRecord, deleteVisitRecord } from "@/lib/data/visits/records";
import { renewAgreement } from "@/lib/data/deals/agreements";
import { createVisitRecordSchema } from "@/lib/validation/visit-records";
import { atRiskQuerySchema } from "@/lib/validation/health";
import { insertAgreement } from "../../factories/deals";
import { accountFixture, viewerFor } from "../helpers";
import { healthOf, insertComplaint, insertSurveyAnswer } from "./fixtures";

const NOW = new Date();
const TODAY = chinaDate(NOW);

describe("health after events", () => {
  it("starts from contact and complaints; a snapshot only when the score changes", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await refreshAccountHealth([account.id], NOW);
    let h = await healthOf(account.id);
    // Never contacted (0 of 50) and no complaints (50 of 50): the others are not measured.
    expect(h).toMatchObject({ healthScore: 50, healthBand: "WATCH", snapshots: 1 });
    expect(h.factor("contact")).toMatchObject({ points: 0, max: 50, detail: { key: "contactNever" } });
    await refreshAccountHealth([account.id], NOW);
    h = await healthOf(account.id);
    expect(h.snapshots).toBe(1);
  });

  it("a visit restores contact recency; deleting it takes it away again", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await refreshAccountHealth([account.id], NOW);
    const { record } = await createVisitRecord(
      kam,
      createVisitRecordSchema.parse({
        clientId: randomUUID(),
        accountId: account.id,
        method: "IN_PERSON",
        talkingPoints: "季度回顾",
        nextStep: "下月再访",
      }),
    );
    let h = await healthOf(account.id);
    expect(h).toMatchObject({ healthScore: 100, healthBand: "HEALTHY", snapshots: 2 });
    await deleteVisitRecord(kam, { id: record.id, version: record.version });
    h = await healthOf(account.id);
    expect(h).toMatchObject({ healthScore: 50, snapshots: 3 });
  });

  it("an open complaint (more if breached) lowers it; closing it restores it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id, undefined);
    await db.account.update({ where: { id: account.id }, data: { lastContactAt: NOW } });
    const complaint = await insertComplaint(account, { severity: "HIGH", breached: true });
    await refreshAccountHealth([account.id], NOW);
    let h = await healthOf(account.id);
    // Weight 3 + 2 (breach) of 8: 3/8 of 50 points left.
    expect(h.factor("complaints")).toMatchObject({ points: 18.8, detail: { key: "complaintsOpen" } });
    expect(h.healthScore).toBe(68.8);
    await db.complaint.update({ where: { id: complaint.id }, data: { status: "CLOSED", closedAt: NOW } });
    await refreshAccountHealth([account.id], NOW);
    h = await healthOf(account.id);
    expect(h.healthScore).toBe(100);
  });

  it("a low survey answer brings satisfaction in and down; older than a year it drops out", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await db.account.update({ where: { id: account.id }, data: { lastContactAt: NOW } });
    await insertSurveyAnswer(account, { csat: 2, nps: 3 }, new Date(NOW.getTime() - 400 * 86_400_000));
    await refreshAccountHealth([account.id], NOW);
    expect((await healthOf(account.id)).factor("satisfaction")).toBeUndefined();
    await insertSurveyAnswer(account, { csat: 2, nps: 3 });
    // A later computation (the history is ordered by time).
    await refreshAccountHealth([account.id], new Date(NOW.getTime() + 1_000));
    const h = await healthOf(account.id);
    // CSAT 0 %, NPS −100: index 0 → 0 of 38.5 points (25 of 65 rescaled).
    expect(h.factor("satisfaction")).toMatchObject({ points: 0, max: 38.5 });
    expect(h.healthScore).toBe(61.5);
    expect(h.healthBand).toBe("WATCH");
  });

  it("an agreement nearing its end lowers renewal; renewing it restores it", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await db.account.update({ where: { id: account.id }, data: { lastContactAt: NOW } });
    const agreement = await insertAgreement(db, {
      accountId: account.id,
      ownerId: kam.id,
      startDate: toDbDate(addDays(TODAY, -335)),
      endDate: toDbDate(addDays(TODAY, 15)),
    });
    await refreshAccountHealth([account.id], NOW);
    let h = await healthOf(account.id);
    expect(h.factor("renewal")).toMatchObject({ detail: { key: "renewalNear" } });
    expect(h.factor("renewal")!.points).toBeCloseTo(0.25 * 20, 1);
    await renewAgreement(kam, {
      id: agreement.id,
      version: agreement.version,
      startDate: toDbDate(addDays(TODAY, 16)),
      endDate: toDbDate(addDays(TODAY, 380)),
      serviceContent: "续签",
      pricingPolicy: "不变",
      cooperationMode: "DIRECT_SUPPLY",
      contractValue: 100_000_000n,
    });
    h = await healthOf(account.id);
    expect(h.factor("renewal")).toMatchObject({ points: 20, detail: { key: "renewalFar" } });
    expect(h.healthScore).toBe(100);
  });

  it("revenue dropping in the ledger lowers the revenue factor", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await db.account.update({ where: { id: account.id }, data: { lastContactAt: NOW } });
    const month = (back: number) => {
      const d = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 1 - back, 1));
      return d;
    };
    // 100 a month for the 6 months before the last 6, 60 a month in the last 6 (−40 %).
    await db.ledgerLine.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        kind: "REVENUE" as const,
        documentNo: `H-${account.id}-${i}`,
        accountId: account.id,
        ownerId: kam.id,
        teamId: account.teamId,
        month: month(i + 1),
        productLine: "主线",
        amount: i < 6 ? 6_000n : 10_000n,
      })),
    });
    await refreshAccountHealth([account.id], NOW);
    const h = await healthOf(account.id);
    expect(h.factor("revenue")).toMatchObject({ detail: { key: "revenueDown" } });
    // Ratio 0.6: a fifth of the factor left.
    expect(h.factor("revenue")!.points).toBeCloseTo(0.2 * h.factor("revenue")!.max, 0);
  });
});

describe("batch recompute", () => {
  it("gives the same scores as refreshing accounts one at a time, and writes no snapshot when nothing moved", async () => {
    const first = await recomputeHealthBatch({ batchSize: 7, now: NOW });
    expect(first.accounts).toBeGreaterThan(100);
    expect(first.batches).toBeGreaterThan(10);
    const before = await db.account.findMany({
      where: { deletedAt: null },
      select: { id: true, healthScore: true },
    });
    const sample = before.filter((_, i) => i % 9 === 0);
    for (const a of sample) await refreshAccountHealth([a.id], NOW);
    const after = await db.account.findMany({
      where: { id: { in: sample.map((a) => a.id) } },
      select: { id: true, healthScore: true },
    });
    const scores = new Map(before.map((a) => [a.id, a.healthScore]));
    for (const a of after) expect(a.healthScore).toBe(scores.get(a.id));
    const again = await recomputeHealthBatch({ batchSize: 500, now: NOW });
    expect(again.snapshots).toBe(0);
  });
});

describe("the at-risk list", () => {
  it("shows the viewer's scope only, worst first, with reasons", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    await insertComplaint(account, { severity: "CRITICAL", breached: true });
    await insertSurveyAnswer(account, { csat: 1, nps: 0 });
    await refreshAccountHealth([account.id], NOW);
    expect((await healthOf(account.id)).healthBand).toBe("AT_RISK");
    const query = atRiskQuerySchema.parse({});
    const mine = await listAtRiskAccounts(kam, query);
    const row = mine.rows.find((r) => r.id === account.id);
    expect(row?.reasons.map((r) => r.factor)).toEqual(
      expect.arrayContaining(["complaints", "contact", "satisfaction"]),
    );
    expect(row?.openComplaints).toBe(1);
    expect(mine.rows.every((r) => r.owner.id === kam.id)).toBe(true);
    const scores = mine.rows.map((r) => r.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);

    const eastManager = await viewerFor("usr_east_manager");
    expect((await listAtRiskAccounts(eastManager, query)).rows.some((r) => r.id === account.id)).toBe(true);
    const northManager = await viewerFor("usr_north_manager");
    expect((await listAtRiskAccounts(northManager, query)).rows.some((r) => r.id === account.id)).toBe(false);
    const northKam = await viewerFor("usr_north_kam1");
    expect((await listAtRiskAccounts(northKam, query)).rows.some((r) => r.id === account.id)).toBe(false);
    // Filters: another person, or tier A (the fixture is C), leave it out.
    expect(
      (await listAtRiskAccounts(eastManager, atRiskQuerySchema.parse({ tier: "A" }))).rows.some(
        (r) => r.id === account.id,
      ),
    ).toBe(false);
    expect(
      (
        await listAtRiskAccounts(eastManager, atRiskQuerySchema.parse({ ownerId: "usr_east_kam2" }))
      ).rows.some((r) => r.id === account.id),
    ).toBe(false);
  });
});

describe("the account list's health column", () => {
  it("filters by band and sorts by score (not yet computed lowest)", async () => {
    const { accountListQuerySchema } = await import("@/lib/validation/accounts");
    const { listAccountsPage } = await import("@/lib/data/account-list");
    const manager = await viewerFor("usr_east_manager");
    const watch = await listAccountsPage(
      manager,
      accountListQuerySchema.parse({ health: "WATCH,AT_RISK", pageSize: "200" }),
    );
    expect(watch.rows.length).toBeGreaterThan(0);
    expect(watch.rows.every((r) => r.healthBand === "WATCH" || r.healthBand === "AT_RISK")).toBe(true);
    const sorted = await listAccountsPage(
      manager,
      accountListQuerySchema.parse({ sort: "healthScore", dir: "asc", pageSize: "200" }),
    );
    const scores = sorted.rows.map((r) => r.healthScore ?? -1);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });
});
