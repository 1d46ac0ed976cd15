import { describe, expect, it } from "vitest";
import {
  createInvoiceSchema,
  decideCreditSchema,
  invoiceListQuerySchema,
  recordPaymentSchema,
} from "@/lib/validation/receivables";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("recordPaymentSchema", () => {
  const base = { distributorId: "dst_001", receivedOn: "2026-06-15", amount: "1,200.50" };

  it("reads yuan as fen and ignores allocation lines when settling oldest first", () => {
    const r = recordPaymentSchema.parse({ ...base, mode: "oldest", allocation: ["5"], invoiceId: ["x"] });
    expect(r.amount).toBe(120_050n);
    expect(r.allocations).toBeNull();
  });

  it("lines up explicit amounts with their invoices and versions, skipping empty ones", () => {
    const r = recordPaymentSchema.parse({
      ...base,
      mode: "explicit",
      invoiceId: ["inv_a", "inv_b", "inv_c"],
      invoiceVersion: ["1", "3", "2"],
      allocation: ["", "1000", "200.5"],
    });
    expect(r.allocations).toEqual([
      { invoiceId: "inv_b", amount: 100_000n, version: 3 },
      { invoiceId: "inv_c", amount: 20_050n, version: 2 },
    ]);
  });

  it.each([
    [
      { mode: "explicit", invoiceId: "inv_a", invoiceVersion: "1", allocation: "" },
      "allocation:validation.required",
    ],
    [
      { mode: "explicit", invoiceId: "inv_a", invoiceVersion: "1", allocation: "0x10" },
      "allocation:validation.amount",
    ],
    [
      { mode: "explicit", invoiceId: "inv a", invoiceVersion: "1", allocation: "10" },
      "allocation:validation.amount",
    ],
    [
      { mode: "explicit", invoiceId: "inv_a", invoiceVersion: "", allocation: "10" },
      "allocation:validation.amount",
    ],
    [
      { mode: "explicit", invoiceId: "inv_a", invoiceVersion: "1", allocation: "-5" },
      "allocation:validation.amount",
    ],
  ])("refuses a bad explicit line (%#)", (over, expected) => {
    expect(issues(recordPaymentSchema.safeParse({ ...base, ...over }))).toEqual([expected]);
  });

  it("refuses zero, hex and impossible dates", () => {
    expect(issues(recordPaymentSchema.safeParse({ ...base, amount: "0" }))).toEqual([
      "amount:validation.amountMin",
    ]);
    expect(issues(recordPaymentSchema.safeParse({ ...base, amount: "0x1F" }))).toEqual([
      "amount:validation.amount",
    ]);
    expect(issues(recordPaymentSchema.safeParse({ ...base, receivedOn: "2026-02-30" }))).toEqual([
      "receivedOn:validation.dateImpossible",
    ]);
    expect(issues(recordPaymentSchema.safeParse({ ...base, distributorId: "dst\u0000" }))).toEqual([
      "distributorId:validation.invalid",
    ]);
  });
});

describe("createInvoiceSchema", () => {
  it("wants the due date on or after the issue date, and allows it empty", () => {
    const ok = createInvoiceSchema.parse({
      distributorId: "d1",
      issuedOn: "2026-03-01",
      dueOn: "",
      amount: "10",
    });
    expect(ok.dueOn).toBeNull();
    expect(
      issues(
        createInvoiceSchema.safeParse({
          distributorId: "d1",
          issuedOn: "2026-03-01",
          dueOn: "2026-02-28",
          amount: "10",
        }),
      ),
    ).toEqual(["dueOn:validation.dateRange"]);
  });
});

describe("decideCreditSchema", () => {
  it("needs a reason to reject, not to approve", () => {
    expect(
      decideCreditSchema.safeParse({ id: "c1", version: "1", decision: "approve", note: "" }).success,
    ).toBe(true);
    expect(
      issues(decideCreditSchema.safeParse({ id: "c1", version: "1", decision: "reject", note: " " })),
    ).toEqual(["note:validation.reasonRequired"]);
  });
});

describe("invoiceListQuerySchema", () => {
  it("falls back on bad URL values", () => {
    expect(
      invoiceListQuerySchema.parse({
        bucket: "d999",
        status: "x",
        sort: "drop table",
        page: "-1",
        pageSize: "9999",
      }),
    ).toMatchObject({
      bucket: undefined,
      status: undefined,
      sort: "dueOn",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
    expect(invoiceListQuerySchema.parse({ bucket: "d90plus", asOf: "2026-06-15" })).toMatchObject({
      bucket: "d90plus",
      asOf: "2026-06-15",
    });
  });
});
