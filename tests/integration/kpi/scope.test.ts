// A manager never sees another team in any dashboard figure, drill-down or export; a forged team
// or person id gives the default scope. And every drill-down lists exactly the records its figure
// counted (the counts agree).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import { monthPeriod } from "@/lib/domain/kpi-period";
import { DEAL_STAGES } from "@/lib/domain/pipeline";
import { loadDashboard } from "@/lib/data/kpi/dashboard";
import { drillAccounts } from "@/lib/data/kpi/drill-accounts";
import { drillDeals } from "@/lib/data/kpi/drill-deals";
import { drillVisits } from "@/lib/data/kpi/drill-visits";
import { resolveKpiScope, type KpiScope } from "@/lib/data/kpi/scope";
import { signInFakeRequest } from "../../support/next-request";
import { viewerFor } from "../helpers";
import { makeKpiOrg, type KpiOrg } from "./dashboard-fixture";
import { recompute } from "./recompute";

vi.mock("next/headers", async () => {
  const { fakeHeaders, fakeCookies } = await import("../../support/next-request");
  return { headers: fakeHeaders, cookies: fakeCookies };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslations } = await import("../../support/next-request");
  return { getTranslations: fakeTranslations };
});

const { GET: exportDeals } = await import("@/app/(app)/dashboard/deals/export/route");
const { GET: exportVisits } = await import("@/app/(app)/dashboard/visits/export/route");
const { GET: exportAccounts } = await import("@/app/(app)/dashboard/accounts/export/route");

let org: KpiOrg;
const TODAY = chinaDate(new Date());
const MARCH = monthPeriod(2025, 3);
const ALL = { offset: 0, limit: 10_000 };

beforeAll(async () => {
  org = await makeKpiOrg();
});

describe("a manager's scope", () => {
  it("answers the default scope for foreign, forged or absent ids", async () => {
    const mgrA = await viewerFor(org.mgrA.id);
    const own: KpiScope = { kind: "team", teamId: org.teamA.id, teamIds: [org.teamA.id] };
    expect(await resolveKpiScope(mgrA, {})).toEqual(own);
    expect(await resolveKpiScope(mgrA, { team: org.teamB.id })).toEqual(own);
    expect(await resolveKpiScope(mgrA, { team: org.root.id })).toEqual(own);
    expect(await resolveKpiScope(mgrA, { person: org.repB1.id })).toEqual(own);
    expect(await resolveKpiScope(mgrA, { person: "usr_north_rep1" })).toEqual(own);
    expect(await resolveKpiScope(mgrA, { team: "nope' OR 1=1 --", person: "\u0000" })).toEqual(own);
    expect(await resolveKpiScope(mgrA, { person: org.repA1.id })).toEqual({
      kind: "person",
      userId: org.repA1.id,
      teamId: org.teamA.id,
    });
    const mgrR = await viewerFor(org.mgrR.id);
    expect(await resolveKpiScope(mgrR, { team: org.teamB.id })).toMatchObject({
      kind: "team",
      teamId: org.teamB.id,
    });
  });

  it("no figure of team A's dashboard includes team B", async () => {
    const mgrA = await viewerFor(org.mgrA.id);
    const scope = await resolveKpiScope(mgrA, { team: org.teamB.id });
    const [data, rawA, rawB] = await Promise.all([
      loadDashboard(mgrA, scope, MARCH, TODAY),
      recompute(scope, MARCH, TODAY),
      recompute({ kind: "team", teamId: org.teamB.id, teamIds: [org.teamB.id] }, MARCH, TODAY),
    ]);
    expect(rawB.revenue).toBeGreaterThan(0);
    expect(data.totals.current.revenue).toBe(rawA.revenue);
    expect(data.totals.current.visits).toBe(rawA.visits);
    expect(data.deals.cohort.created).toBe(rawA.deals.cohort.created);
    const teamAPeople = new Set([org.mgrA.id, org.repA1.id, org.repA2.id]);
    for (const p of data.people) expect(teamAPeople.has(p.ownerId)).toBe(true);
    expect(data.teams).toEqual([]);
    const names = [
      ...data.attention.overdueA.rows.map((r) => r.ownerName),
      ...data.attention.stuck.rows.map((r) => r.ownerName),
    ];
    expect(names).not.toContain(org.repB1.name);
  });

  it("every drill-down lists only in-scope records, exactly those its figure counted", async () => {
    const mgrA = await viewerFor(org.mgrA.id);
    const scope = await resolveKpiScope(mgrA, { person: org.repB1.id });
    const data = await loadDashboard(mgrA, scope, MARCH, TODAY);
    const teamADeals = new Set(
      (await db.deal.findMany({ where: { teamId: org.teamA.id }, select: { id: true } })).map((d) => d.id),
    );
    const deals = async (set: string, stage: (typeof DEAL_STAGES)[number] | null = null) => {
      const r = await drillDeals(scope, MARCH, { set: set as never, stage }, ALL);
      for (const row of r.rows) expect(teamADeals.has(row.id)).toBe(true);
      expect(r.rows).toHaveLength(r.total);
      return r.total;
    };
    for (const [i, stage] of DEAL_STAGES.entries())
      expect(await deals("cohort", stage)).toBe(data.deals.cohort.reached[i]);
    expect(await deals("cohort")).toBe(data.deals.cohort.created);
    expect(await deals("won")).toBe(data.deals.cohort.won);
    expect(await deals("closed")).toBe(data.deals.closed.closed);
    expect(await deals("cycle")).toBe(data.deals.closed.won);
    expect(await deals("open")).toBe(data.deals.open.count);
    expect(await deals("stuck")).toBe(data.attention.stuck.count);

    const visits = async (set: "all" | "withOutcome" | "advanced") => {
      const r = await drillVisits(scope, MARCH, { set }, ALL);
      for (const row of r.rows)
        expect([org.repA1.name, org.repA2.name, org.mgrA.name]).toContain(row.ownerName);
      return r.total;
    };
    expect(await visits("all")).toBe(data.totals.current.visits);
    expect(await visits("withOutcome")).toBe(data.totals.current.visitsWithOutcome);
    expect(await visits("advanced")).toBe(data.totals.current.visitsAdvanced);

    const accounts = async (set: "overdue" | "newCustomers", tier: "A" | null = null) => {
      const r = await drillAccounts(scope, MARCH, { set, tier }, TODAY, ALL);
      const ids = new Set(org.accounts.filter((a) => a.teamId === org.teamA.id).map((a) => a.id));
      for (const row of r.rows) expect(ids.has(row.id)).toBe(true);
      return r.total;
    };
    expect(await accounts("overdue")).toBe(data.totals.current.accountsOverdue);
    expect(await accounts("overdue", "A")).toBe(data.attention.overdueA.count);
    expect(await accounts("newCustomers")).toBe(data.totals.current.newAccounts);
    expect(
      data.totals.current.visits + data.deals.cohort.created + data.totals.current.accountsOverdue,
    ).toBeGreaterThan(0);
  });

  it("the CSV exports are scoped like the pages, whatever the address says", async () => {
    await signInFakeRequest(org.mgrA.email);
    const get = async (handler: (r: Request) => Promise<Response>, path: string) => {
      const response = await handler(new Request(`http://localhost:3000${path}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      return response.text();
    };
    const q = `period=2025-03&team=${org.teamB.id}`;
    const dealsCsv = await get(exportDeals, `/dashboard/deals/export?${q}&set=cohort`);
    const visitsCsv = await get(exportVisits, `/dashboard/visits/export?${q}`);
    const accountsCsv = await get(exportAccounts, `/dashboard/accounts/export?${q}&set=overdue`);
    const bDeals = await db.deal.findMany({ where: { teamId: org.teamB.id }, select: { title: true } });
    const aDeals = await db.deal.findMany({
      where: {
        teamId: org.teamA.id,
        createdAt: { gte: new Date("2025-02-28T16:00:00Z"), lt: new Date("2025-03-31T16:00:00Z") },
      },
      select: { title: true },
    });
    expect(aDeals.length).toBeGreaterThan(0);
    for (const d of aDeals) expect(dealsCsv).toContain(d.title);
    for (const d of bDeals) expect(dealsCsv).not.toContain(d.title);
    expect(visitsCsv).not.toContain(org.repB1.name);
    expect(accountsCsv).not.toContain(org.repB1.name);
    expect(accountsCsv).toContain(org.repA1.name);
    // A signed-out request gets nothing.
    const { fakeRequest } = await import("../../support/next-request");
    fakeRequest.cookie = "";
    const response = await exportDeals(new Request(`http://localhost:3000/dashboard/deals/export?${q}`));
    expect(response.status).toBe(401);
  });
});
