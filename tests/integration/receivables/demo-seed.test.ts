// The demo receivables (prisma/demo-receivables.ts, seeded by the global setup): every ageing
// bucket holds money, the planted distributors are over their limit, and credit requests exist in
// each state — and every invoice's paid amount equals its allocations.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { receivablesAgeing } from "@/lib/data/receivables/ageing";
import { AGEING_BUCKETS } from "@/lib/domain/receivables";
import { DEMO_OVER_LIMIT } from "@/prisma/demo-receivables";
import { viewerFor } from "../helpers";

describe("demo receivables", () => {
  it("fill every bucket and put the planted distributors over their limit", async () => {
    const r = await receivablesAgeing(await viewerFor("usr_admin"));
    for (const b of AGEING_BUCKETS) expect(r.totals[b], b).toBeGreaterThan(0n);
    const over = r.overLimit.map((d) => d.distributorId);
    for (const id of DEMO_OVER_LIMIT) expect(over).toContain(id);
    // each region's manager sees money in every bucket, past 90 days included, to drill into
    for (const region of ["east", "north", "south"]) {
      const mine = await receivablesAgeing(await viewerFor(`usr_${region}_manager`));
      for (const b of AGEING_BUCKETS) expect(mine.totals[b], `${region} ${b}`).toBeGreaterThan(0n);
    }
  });

  it("keep paid amounts equal to the allocations, and requests in every state", async () => {
    const mismatched = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "ChannelInvoice" i
      WHERE i.id LIKE 'inv_dst_%' AND i."paidAmount" <> COALESCE((SELECT SUM(a.amount) FROM "ChannelPaymentAllocation" a WHERE a."invoiceId" = i.id), 0)`;
    expect(mismatched[0]!.n).toBe(0);
    const statuses = await db.creditLimitRequest.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["APPROVED", "PENDING", "REJECTED"]);
  });
});
