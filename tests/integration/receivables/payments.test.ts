// Recording a payment (回款) on PostgreSQL: allocations and invoice balances commit together or not
// at all; a stale version is refused; another region's distributor is not found.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordPayment } from "@/lib/data/receivables/payments";
import { toDbDate } from "@/lib/domain/calendar";
import type { RecordPaymentInput } from "@/lib/validation/receivables";
import { auditRowsFor, outcome } from "../helpers";
import { distributor, invoice, region, type Region } from "./fixtures";

const AS_OF = "2026-06-15";
let east: Region;
let west: Region;

beforeAll(async () => {
  [east, west] = [await region("回款东"), await region("回款西")];
});

const pay = (
  distributorId: string,
  amount: bigint,
  allocations: RecordPaymentInput["allocations"] = null,
) => ({
  distributorId,
  receivedOn: toDbDate(AS_OF),
  amount,
  method: "银行转账",
  note: null,
  allocations,
});

const state = async (ids: string[]) =>
  (await db.channelInvoice.findMany({ where: { id: { in: ids } }, orderBy: { dueOn: "asc" } })).map((i) => ({
    paid: i.paidAmount,
    status: i.status,
    version: i.version,
  }));

describe("recordPayment", () => {
  it("settles the oldest due first and marks a fully paid invoice PAID", async () => {
    const d = await distributor(east);
    const old = await invoice(d, AS_OF, 40, 1_000n);
    const mid = await invoice(d, AS_OF, 10, 2_000n, { paid: 500n });
    const recent = await invoice(d, AS_OF, -5, 3_000n);
    const r = await recordPayment(east.channel, pay(d.id, 2_000n));
    expect(r.paymentNo).toMatch(/^HK-2026-\d{6}$/);
    expect(r.allocated).toEqual([
      { invoiceId: old.id, amount: 1_000n },
      { invoiceId: mid.id, amount: 1_000n },
    ]);
    expect(await state([old.id, mid.id, recent.id])).toEqual([
      { paid: 1_000n, status: "PAID", version: 2 },
      { paid: 1_500n, status: "OPEN", version: 2 },
      { paid: 0n, status: "OPEN", version: 1 },
    ]);
    const allocations = await db.channelPaymentAllocation.findMany({ where: { paymentId: r.id } });
    expect(allocations.reduce((s, a) => s + a.amount, 0n)).toBe(2_000n);
    expect((await auditRowsFor(r.id)).map((a) => a.action)).toEqual(["payment.record"]);
    expect((await auditRowsFor(old.id)).map((a) => a.action)).toEqual(["invoice.allocate"]);
  });

  it("takes explicit amounts with the versions the person saw", async () => {
    const d = await distributor(east);
    const a = await invoice(d, AS_OF, 40, 1_000n);
    const b = await invoice(d, AS_OF, 10, 2_000n);
    await recordPayment(east.channel, pay(d.id, 700n, [{ invoiceId: b.id, amount: 700n, version: 1 }]));
    expect(await state([a.id, b.id])).toEqual([
      { paid: 0n, status: "OPEN", version: 1 },
      { paid: 700n, status: "OPEN", version: 2 },
    ]);
  });

  it("is all-or-nothing: a refused allocation writes no payment and changes no invoice", async () => {
    const d = await distributor(east);
    const a = await invoice(d, AS_OF, 40, 1_000n);
    const b = await invoice(d, AS_OF, 10, 2_000n);
    const before = await state([a.id, b.id]);
    const count = () => db.channelPayment.count({ where: { distributorId: d.id } });
    // more than everything open
    expect(await outcome(recordPayment(east.channel, pay(d.id, 3_001n)))).toBe("VALIDATION");
    // the second line exceeds its invoice: the first, valid line must not be applied either
    const tooMuch = [
      { invoiceId: a.id, amount: 500n, version: 1 },
      { invoiceId: b.id, amount: 3_000n, version: 1 },
    ];
    expect(await outcome(recordPayment(east.channel, pay(d.id, 3_500n, tooMuch)))).toBe("VALIDATION");
    // lines that do not add up to the payment
    expect(
      await outcome(
        recordPayment(east.channel, pay(d.id, 900n, [{ invoiceId: a.id, amount: 500n, version: 1 }])),
      ),
    ).toBe("VALIDATION");
    expect(await count()).toBe(0);
    expect(await state([a.id, b.id])).toEqual(before);
  });

  it("refuses a line whose invoice changed since it was shown (version conflict)", async () => {
    const d = await distributor(east);
    const a = await invoice(d, AS_OF, 40, 1_000n);
    await recordPayment(east.channel, pay(d.id, 100n));
    expect(
      await outcome(
        recordPayment(east.channel, pay(d.id, 100n, [{ invoiceId: a.id, amount: 100n, version: 1 }])),
      ),
    ).toBe("CONFLICT");
    expect((await state([a.id]))[0]).toEqual({ paid: 100n, status: "OPEN", version: 2 });
  });

  it("two payments at once never settle the same balance twice", async () => {
    const d = await distributor(east);
    const a = await invoice(d, AS_OF, 40, 1_000n);
    const results = await Promise.all([
      outcome(recordPayment(east.channel, pay(d.id, 600n))),
      outcome(recordPayment(east.channel, pay(d.id, 600n))),
    ]);
    expect(results.sort()).toEqual(["OK", "VALIDATION"]);
    expect((await state([a.id]))[0]!.paid).toBe(600n);
  });

  it("answers not found for another region's distributor and forbids a manager of none", async () => {
    const d = await distributor(east);
    await invoice(d, AS_OF, 40, 1_000n);
    expect(await outcome(recordPayment(west.channel, pay(d.id, 100n)))).toBe("NOT_FOUND");
    expect(await outcome(recordPayment(west.manager, pay(d.id, 100n)))).toBe("NOT_FOUND");
  });
});
