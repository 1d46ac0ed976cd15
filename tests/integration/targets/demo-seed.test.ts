// The demo's targets and budgets tell the story common to the KPI pages: each region's target a
// little above what its people add up to, revenue targets drawn from customers' purchase volumes,
// and one region (华北) giving more gifts than its budget allows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";

const YEAR = Number(chinaDate(new Date()).slice(0, 4));

async function yearTotals(metric: "REVENUE" | "VISITS") {
  const rows = await db.$queryRaw<{ subject: string; total: bigint }[]>`
    SELECT subject, SUM(value) AS total FROM "SalesTarget"
    WHERE year = ${YEAR} AND metric = ${metric}::"KpiMetric" AND "deletedAt" IS NULL AND id LIKE 'demo_target_%'
    GROUP BY subject`;
  return new Map(rows.map((r) => [r.subject, Number(r.total)]));
}

describe("demo targets and budgets", () => {
  it("sets each region's target at 1.00–1.05 × the sum of its people's, for this year and last", async () => {
    for (const metric of ["REVENUE", "VISITS"] as const) {
      const totals = await yearTotals(metric);
      for (const region of ["team_east", "team_north", "team_south"]) {
        const people = await db.user.findMany({
          where: { teamId: region, id: { startsWith: "usr_" } },
          select: { id: true },
        });
        const sum = people.reduce((s, p) => s + (totals.get(`user:${p.id}`) ?? 0), 0);
        const ratio = totals.get(`team:${region}`)! / sum;
        expect(ratio, `${region} ${metric}`).toBeGreaterThanOrEqual(0.995);
        expect(ratio, `${region} ${metric}`).toBeLessThanOrEqual(1.051);
      }
    }
    expect(
      await db.salesTarget.count({ where: { year: YEAR - 1, id: { startsWith: "demo_target_" } } }),
    ).toBeGreaterThan(0);
  });

  it("draws a KAM's revenue target from their customers' purchase volume × 1.05–1.30", async () => {
    const volume = await db.account.aggregate({
      where: { ownerId: "usr_north_kam1", lifecycle: "CUSTOMER", deletedAt: null },
      _sum: { purchaseVolume: true },
    });
    const target = (await yearTotals("REVENUE")).get("user:usr_north_kam1")!;
    const ratio = target / Number(volume._sum.purchaseVolume);
    expect(ratio).toBeGreaterThan(1.04);
    expect(ratio).toBeLessThan(1.31);
  });

  it("budgets 华北's gifts below what it gives, and the other regions' above", async () => {
    // The demo's visits and requests span the ~three months before the seeding day.
    const since = new Date(Date.now() - 92 * 86_400_000);
    for (const [region, over] of [
      ["team_north", true],
      ["team_east", false],
      ["team_south", false],
    ] as const) {
      const budget = await db.expenseBudget.aggregate({
        where: { teamId: region, year: YEAR, category: "GIFT" },
        _sum: { amount: true },
      });
      const spent = await db.visitRequest.aggregate({
        where: {
          teamId: region,
          kind: "GIFT",
          status: "APPROVED",
          decidedAt: { gte: since },
          deletedAt: null,
        },
        _sum: { amount: true },
      });
      const months = 3;
      const monthlyBudget = Number(budget._sum.amount) / 12;
      const monthlySpend = Number(spent._sum.amount ?? 0n) / months;
      expect(monthlySpend > monthlyBudget, region).toBe(over);
    }
  });
});
