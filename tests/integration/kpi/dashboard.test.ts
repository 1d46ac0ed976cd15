// Every dashboard figure, fed by the rollups, equals the same figure recomputed from the raw rows —
// after inserts, edits (a visit moved to another day or owner, an outcome changed, a ledger line's
// month or amount changed) and soft deletes and restores.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import { paretoShare } from "@/lib/domain/kpi";
import { monthPeriod, quarterPeriod, type Period } from "@/lib/domain/kpi-period";
import { loadDashboard } from "@/lib/data/kpi/dashboard";
import { resolveKpiScope, type KpiScope } from "@/lib/data/kpi/scope";
import { viewerFor } from "../helpers";
import { china, makeKpiOrg, type KpiOrg } from "./dashboard-fixture";
import { recompute } from "./recompute";

let org: KpiOrg;
const TODAY = chinaDate(new Date());
const MARCH = monthPeriod(2025, 3);

beforeAll(async () => {
  org = await makeKpiOrg();
});

async function expectFiguresMatch(scope: KpiScope, period: Period) {
  const viewer = await viewerFor(org.mgrR.id);
  const [data, raw] = await Promise.all([
    loadDashboard(viewer, scope, period, TODAY),
    recompute(scope, period, TODAY),
  ]);
  const t = data.totals.current;
  expect({
    revenue: t.revenue,
    collections: t.collections,
    visits: t.visits,
    visitsWithOutcome: t.visitsWithOutcome,
    visitsAdvanced: t.visitsAdvanced,
    visitCost: t.visitCost,
    newAccounts: t.newAccounts,
    dealsWon: t.dealsWon,
    dealsClosed: t.dealsClosed,
    followUpsDue: t.followUpsDue,
    followUpsOnTime: t.followUpsOnTime,
    accounts: t.accounts,
    accountsOverdue: t.accountsOverdue,
  }).toEqual({
    revenue: raw.revenue,
    collections: raw.collections,
    visits: raw.visits,
    visitsWithOutcome: raw.visitsWithOutcome,
    visitsAdvanced: raw.visitsAdvanced,
    visitCost: raw.visitCost,
    newAccounts: raw.newAccounts,
    dealsWon: raw.dealsWon,
    dealsClosed: raw.dealsClosed,
    followUpsDue: raw.followUpsDue,
    followUpsOnTime: raw.followUpsOnTime,
    accounts: raw.accounts,
    accountsOverdue: raw.accountsOverdue,
  });
  expect(data.deals.open.count).toBe(raw.deals.open.count);
  expect(data.deals.open.value).toBe(raw.deals.open.value);
  expect(data.deals.open.weighted).toBeCloseTo(raw.deals.open.weighted, 6);
  expect(data.deals.cohort).toEqual(raw.deals.cohort);
  expect(data.deals.closed.won).toBe(raw.deals.closed.won);
  expect(data.deals.closed.closed).toBe(raw.deals.closed.closed);
  if (raw.deals.closed.avgCycleDays === null) expect(data.deals.closed.avgCycleDays).toBeNull();
  else expect(data.deals.closed.avgCycleDays).toBeCloseTo(raw.deals.closed.avgCycleDays, 6);
  expect(Object.fromEntries(data.ledger.tiers.map((x) => [x.tier, x.revenue]))).toEqual(raw.tiers);
  expect(paretoShare(data.ledger.accountRevenue)).toBe(raw.pareto);
  expect(data.ledger.months.reduce((s, m) => s + m.revenue, 0)).toBe(raw.revenue);
  expect(data.attention.overdueA.count).toBe(raw.overdueA);
  // The per-person rows add up to the totals and name no one outside the scope.
  expect(data.people.reduce((s, p) => s + p.revenue, 0)).toBe(raw.revenue);
  for (const id of raw.ownerIds) expect(data.people.map((p) => p.ownerId)).toContain(id);
  return { data, raw };
}

const scopes = () => {
  const rootIds = [org.root.id, org.teamA.id, org.teamB.id];
  return {
    region: { kind: "team", teamId: org.root.id, teamIds: rootIds } as KpiScope,
    teamA: { kind: "team", teamId: org.teamA.id, teamIds: [org.teamA.id] } as KpiScope,
    rep: { kind: "person", userId: org.repA1.id, teamId: org.teamA.id } as KpiScope,
  };
};

describe("dashboard figures equal the raw rows", () => {
  it("after inserts, for a region, a team and a person, a month and a quarter", async () => {
    for (const scope of Object.values(scopes())) {
      for (const period of [MARCH, quarterPeriod(2025, 1), monthPeriod(2024, 3)]) {
        await expectFiguresMatch(scope, period);
      }
    }
    const { data, raw } = await expectFiguresMatch(scopes().region, MARCH);
    // The fixture is not trivially empty: the comparison above had something to compare.
    expect(raw.visits).toBeGreaterThan(0);
    expect(raw.revenue).toBeGreaterThan(0);
    expect(raw.deals.cohort.created).toBeGreaterThan(0);
    expect(raw.newAccounts).toBe(2);
    // China midnight: the visit at 00:01 on 1 March counts, the one at 23:59 on 28 February not.
    expect(raw.visits).toBe(org.visits.filter((v) => chinaDate(v.visitedAt).startsWith("2025-03")).length);
    // The region compares its two child teams, whose revenue adds up to the region's.
    expect(data.teams.map((t) => t.id).sort()).toEqual([org.teamA.id, org.teamB.id].sort());
    expect(data.teams.reduce((s, t) => s + t.revenue, 0)).toBe(raw.revenue);
  });

  it("after a visit moves to another day and owner and its outcome changes", async () => {
    const march = org.visits.find((v) => chinaDate(v.visitedAt) === "2025-03-15")!;
    await db.visitRecord.update({
      where: { id: march.id },
      data: { visitedAt: china("2025-04-01T00:05:00"), outcome: "SETBACK" },
    });
    await expectFiguresMatch(scopes().region, MARCH);
    const other = org.visits.find(
      (v) => v.ownerId === org.repA1.id && chinaDate(v.visitedAt).startsWith("2025-03"),
    )!;
    await db.visitRecord.update({
      where: { id: other.id },
      data: { ownerId: org.repB1.id, teamId: org.teamB.id, outcome: "ADVANCED" },
    });
    for (const scope of Object.values(scopes())) await expectFiguresMatch(scope, MARCH);
  });

  it("after a ledger line moves month and changes amount", async () => {
    const line = await db.ledgerLine.findFirstOrThrow({
      where: { accountId: org.accounts[2]!.id, kind: "REVENUE", month: new Date("2025-03-01T00:00:00Z") },
    });
    await db.ledgerLine.update({ where: { id: line.id }, data: { month: new Date("2025-02-01T00:00:00Z") } });
    await expectFiguresMatch(scopes().region, MARCH);
    await db.ledgerLine.update({
      where: { id: line.id },
      data: { month: new Date("2025-03-01T00:00:00Z"), amount: 123_456_789n },
    });
    for (const scope of Object.values(scopes())) await expectFiguresMatch(scope, MARCH);
    await expectFiguresMatch(scopes().region, quarterPeriod(2025, 1));
  });

  it("after soft deletes and restores of a visit, a deal and a ledger line", async () => {
    const now = new Date();
    const visit = org.visits.find(
      (v) => chinaDate(v.visitedAt).startsWith("2025-03") && v.outcome === "ADVANCED",
    )!;
    const deal = org.deals[2]!;
    const line = await db.ledgerLine.findFirstOrThrow({
      where: { accountId: org.accounts[4]!.id, kind: "COLLECTION" },
    });
    const before = await expectFiguresMatch(scopes().region, MARCH);
    await db.visitRecord.update({ where: { id: visit.id }, data: { deletedAt: now } });
    await db.deal.update({ where: { id: deal.id }, data: { deletedAt: now } });
    await db.ledgerLine.update({ where: { id: line.id }, data: { deletedAt: now } });
    const deleted = await expectFiguresMatch(scopes().region, MARCH);
    expect(deleted.raw.visits).toBe(before.raw.visits - 1);
    expect(deleted.raw.dealsWon).toBe(before.raw.dealsWon - 1);
    await db.visitRecord.update({ where: { id: visit.id }, data: { deletedAt: null } });
    await db.deal.update({ where: { id: deal.id }, data: { deletedAt: null } });
    await db.ledgerLine.update({ where: { id: line.id }, data: { deletedAt: null } });
    const restored = await expectFiguresMatch(scopes().region, MARCH);
    expect(restored.data.totals.current).toEqual(before.data.totals.current);
  });

  it("compares with the previous period and the same period last year", async () => {
    const viewer = await viewerFor(org.mgrR.id);
    const data = await loadDashboard(viewer, scopes().region, MARCH, TODAY);
    const [feb, lastYear] = await Promise.all([
      recompute(scopes().region, monthPeriod(2025, 2), TODAY),
      recompute(scopes().region, monthPeriod(2024, 3), TODAY),
    ]);
    for (const [totals, raw] of [
      [data.totals.previous, feb],
      [data.totals.lastYear, lastYear],
    ] as const) {
      expect(totals).toEqual({
        revenue: raw.revenue,
        collections: raw.collections,
        visits: raw.visits,
        visitsWithOutcome: raw.visitsWithOutcome,
        visitsAdvanced: raw.visitsAdvanced,
        visitCost: raw.visitCost,
        newAccounts: raw.newAccounts,
        dealsWon: raw.dealsWon,
        dealsClosed: raw.dealsClosed,
        avgCycleDays: raw.deals.closed.avgCycleDays,
        followUpsDue: raw.followUpsDue,
        followUpsOnTime: raw.followUpsOnTime,
      });
    }
    expect(feb.revenue).toBeGreaterThan(0);
    expect(lastYear.revenue).toBeGreaterThan(0);
  });

  it("resolves the scope the same way for the manager, and the rep gets only their own", async () => {
    const rep = await viewerFor(org.repA1.id);
    const scope = await resolveKpiScope(rep, { team: org.root.id });
    expect(scope).toEqual({ kind: "person", userId: org.repA1.id, teamId: org.teamA.id });
    const data = await loadDashboard(rep, scope, MARCH, TODAY);
    expect(data.people.map((p) => p.ownerId)).toEqual([org.repA1.id]);
    expect(data.teams).toEqual([]);
  });
});
