// The ageing report on PostgreSQL: its buckets equal a hand computation on planted invoices at every
// edge, follow the distributor's scope, and the drill-down list shows exactly a bucket's invoices.
import { beforeAll, describe, expect, it } from "vitest";
import { receivablesAgeing } from "@/lib/data/receivables/ageing";
import { listInvoices } from "@/lib/data/receivables/invoices";
import { invoiceListQuerySchema } from "@/lib/validation/receivables";
import { viewerFor } from "../helpers";
import { chinaNoon, distributor, invoice, region, type Region } from "./fixtures";

const AS_OF = "2026-06-15";
let east: Region;
let west: Region;
let a: { id: string; teamId: string; ownerId: string };
let b: { id: string; teamId: string; ownerId: string };

beforeAll(async () => {
  [east, west] = [await region("账龄东"), await region("账龄西")];
  a = await distributor(east, 10_000_00n);
  b = await distributor(east, 1_00n);
  // days past due → amount (fen); the comments name the bucket by hand.
  await invoice(a, AS_OF, -1, 100n); // not yet due (due tomorrow)
  await invoice(a, AS_OF, 0, 200n); // 0–30: due today
  await invoice(a, AS_OF, 30, 300n); // 0–30
  await invoice(a, AS_OF, 31, 400n); // 31–60
  await invoice(a, AS_OF, 60, 500n); // 31–60
  await invoice(a, AS_OF, 61, 600n); // 61–90
  await invoice(a, AS_OF, 90, 700n, { paid: 200n }); // 61–90, 500 open
  await invoice(a, AS_OF, 91, 800n); // > 90
  await invoice(a, AS_OF, 400, 900n, { paid: 100n }); // > 90, 800 open
  await invoice(a, AS_OF, 120, 5_000n, { paid: 5_000n }); // paid: not in the ageing
  await invoice(a, AS_OF, 120, 7_000n, { status: "VOID" }); // void: not in the ageing
  await invoice(b, AS_OF, 45, 1_000n); // 31–60, and over b's limit of 100
  const w = await distributor(west, 0n);
  await invoice(w, AS_OF, 200, 99_999n); // another region's
});

describe("receivablesAgeing", () => {
  it("equals the hand computation at every bucket edge", async () => {
    const r = await receivablesAgeing(east.channel, { asOf: chinaNoon(AS_OF) });
    expect(r.asOf).toBe(AS_OF);
    const rowA = r.distributors.find((d) => d.distributorId === a.id)!;
    expect(rowA.buckets).toEqual({
      notDue: 100n,
      d0_30: 500n,
      d31_60: 900n,
      d61_90: 1_100n,
      d90plus: 1_600n,
    });
    expect(rowA.open).toBe(4_200n);
    expect(rowA.overdue).toBe(4_200n - 100n - 200n); // not yet due and due today are not overdue
    expect(rowA.invoices).toBe(9);
    expect(r.totals).toEqual({ notDue: 100n, d0_30: 500n, d31_60: 1_900n, d61_90: 1_100n, d90plus: 1_600n });
    expect(r.open).toBe(5_200n);
    expect(r.overLimit.map((d) => d.distributorId)).toEqual([b.id]);
    expect(r.overLimit[0]!.exposure.headroom).toBe(-900n);
  });

  it("moves an invoice to the next bucket the day after an edge", async () => {
    const r = await receivablesAgeing(east.channel, { asOf: chinaNoon("2026-06-16") });
    const rowA = r.distributors.find((d) => d.distributorId === a.id)!;
    // due tomorrow → due today (0–30); 30 → 31; 60 → 61; 90 → 91
    expect(rowA.buckets).toEqual({ notDue: 0n, d0_30: 300n, d31_60: 700n, d61_90: 1_100n, d90plus: 2_100n });
  });

  it("shows only the viewer's scope: the other region's channel manager sees none of it", async () => {
    const r = await receivablesAgeing(west.channel, { asOf: chinaNoon(AS_OF) });
    expect(r.distributors.map((d) => d.distributorId)).not.toContain(a.id);
    expect(r.open).toBe(99_999n);
    const mgr = await receivablesAgeing(east.manager, { asOf: chinaNoon(AS_OF) });
    expect(mgr.open).toBe(5_200n);
  });

  it("an administrator narrows by team", async () => {
    const admin = await viewerFor("usr_admin");
    const r = await receivablesAgeing(admin, { asOf: chinaNoon(AS_OF), teamId: east.team.id });
    expect(r.distributors.map((d) => d.distributorId).sort()).toEqual([a.id, b.id].sort());
  });
});

describe("the drill-down list", () => {
  const q = (over: Record<string, string>) => invoiceListQuerySchema.parse({ asOf: AS_OF, ...over });

  it.each([
    ["notDue", 1, 100n],
    ["d0_30", 2, 500n],
    ["d31_60", 2, 900n],
    ["d61_90", 2, 1_100n],
    ["d90plus", 2, 1_600n],
  ] as const)("bucket %s lists exactly its invoices", async (bucket, count, open) => {
    const r = await listInvoices(east.channel, q({ bucket, distributor: a.id }));
    expect(r.total).toBe(count);
    expect(r.rows.reduce((s, row) => s + row.open, 0n)).toBe(open);
  });

  it("filters overdue and status, and answers nothing for another region's distributor", async () => {
    expect((await listInvoices(east.channel, q({ status: "overdue", distributor: a.id }))).total).toBe(7);
    expect((await listInvoices(east.channel, q({ status: "VOID", distributor: a.id }))).total).toBe(1);
    expect((await listInvoices(west.channel, q({ distributor: a.id }))).total).toBe(0);
  });
});
