// Invoices on PostgreSQL: numbering and the agreement's payment term, voiding with its audit row,
// the exposure section, and scope (another region's invoice is not found).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createInvoice, getInvoice, voidInvoice } from "@/lib/data/receivables/invoices";
import { recordPayment } from "@/lib/data/receivables/payments";
import { loadExposureSection } from "@/lib/data/receivables/section";
import { addDays, chinaDate, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { auditRowsFor, outcome, viewerFor } from "../helpers";
import { chinaNoon, distributor, invoice, region, type Region } from "./fixtures";

let east: Region;
let west: Region;

beforeAll(async () => {
  [east, west] = [await region("应收东"), await region("应收西")];
});

describe("invoices", () => {
  it("creates an invoice numbered for its year, due after 30 days without an agreement", async () => {
    const d = await distributor(east);
    const input = {
      distributorId: d.id,
      issuedOn: toDbDate("2026-03-10"),
      dueOn: null,
      amount: 12_345_00n,
      note: null,
    };
    const a = await createInvoice(east.channel, input);
    const b = await createInvoice(east.channel, input);
    expect(a.invoiceNo).toMatch(/^YS-2026-\d{6}$/);
    expect(Number(b.invoiceNo.slice(-6))).toBe(Number(a.invoiceNo.slice(-6)) + 1);
    const row = await db.channelInvoice.findUniqueOrThrow({ where: { id: a.id } });
    expect(fromDbDate(row.dueOn)).toBe("2026-04-09");
    expect(row).toMatchObject({ teamId: east.team.id, ownerId: east.channel.id, status: "OPEN" });
    expect(await outcome(createInvoice(west.channel, input))).toBe("NOT_FOUND");
    expect(await outcome(createInvoice(east.manager, input))).toBe("OK");
  });

  it("takes the due date from the payment term of the agreement in force", async () => {
    const channel = await viewerFor("usr_east_channel");
    const issuedOn = toDbDate(chinaDate(new Date()));
    const version = await db.channelAgreementVersion.findFirstOrThrow({
      where: {
        agreement: { distributorId: "dst_001" },
        startsOn: { lte: issuedOn },
        endsOn: { gte: issuedOn },
      },
      orderBy: [{ startsOn: "desc" }, { number: "desc" }],
    });
    const { id } = await createInvoice(channel, {
      distributorId: "dst_001",
      issuedOn,
      dueOn: null,
      amount: 1_000_00n,
      note: null,
    });
    const row = await db.channelInvoice.findUniqueOrThrow({ where: { id } });
    expect(fromDbDate(row.dueOn)).toBe(addDays(fromDbDate(issuedOn), version.paymentTermDays));
  });

  it("voids an unpaid invoice with an audit row, never a paid one, and refuses a stale version", async () => {
    const d = await distributor(east);
    const unpaid = await invoice(d, "2026-06-15", 5, 1_000n);
    expect(await outcome(voidInvoice(west.channel, { id: unpaid.id, version: 1, reason: "开错" }))).toBe(
      "NOT_FOUND",
    );
    await voidInvoice(east.channel, { id: unpaid.id, version: 1, reason: "开票金额错误" });
    const voided = await db.channelInvoice.findUniqueOrThrow({ where: { id: unpaid.id } });
    expect(voided).toMatchObject({ status: "VOID", version: 2 });
    expect((await auditRowsFor(unpaid.id)).map((a) => a.action)).toEqual(["invoice.void"]);
    expect(await outcome(voidInvoice(east.channel, { id: unpaid.id, version: 1, reason: "again" }))).toBe(
      "CONFLICT",
    );

    const partly = await invoice(d, "2026-06-15", 5, 1_000n);
    await recordPayment(east.channel, {
      distributorId: d.id,
      receivedOn: toDbDate("2026-06-15"),
      amount: 10n,
      method: null,
      note: null,
      allocations: null,
    });
    expect(await outcome(voidInvoice(east.channel, { id: partly.id, version: 2, reason: "x" }))).toBe(
      "VALIDATION",
    );
  });

  it("shows an invoice only within its distributor's scope", async () => {
    const d = await distributor(east);
    const inv = await invoice(d, "2026-06-15", 5, 1_000n);
    expect((await getInvoice(east.manager, inv.id)).invoiceNo).toBe(inv.invoiceNo);
    expect(await outcome(getInvoice(west.channel, inv.id))).toBe("NOT_FOUND");
    expect(await outcome(getInvoice(west.manager, inv.id))).toBe("NOT_FOUND");
  });

  it("the exposure section adds up the distributor's balance, limit and overdue invoices", async () => {
    const d = await distributor(east, 1_000n);
    await invoice(d, "2026-06-15", 95, 700n);
    await invoice(d, "2026-06-15", -3, 600n);
    const s = await loadExposureSection(east.channel, d.id, chinaNoon("2026-06-15"));
    expect(s.exposure).toMatchObject({
      openBalance: 1_300n,
      creditLimit: 1_000n,
      headroom: -300n,
      overLimit: true,
    });
    expect(s.buckets).toMatchObject({ notDue: 600n, d90plus: 700n });
    expect(s.overdue.map((o) => o.daysPastDue)).toEqual([95]);
    expect(await outcome(loadExposureSection(west.channel, d.id))).toBe("NOT_FOUND");
  });
});
