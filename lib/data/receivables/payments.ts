import "server-only";
import { db } from "@/lib/db";
import { assertCapability } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { allocatePayment, invoiceStatus, type AllocationProblem } from "@/lib/domain/receivables";
import { AppError, staleVersion } from "@/lib/errors";
import type { RecordPaymentInput } from "@/lib/validation/receivables";
import { mutate } from "../audit";
import { loadDistributorFor, readBesideCheck } from "../distributors/scope";
import { nextNumber } from "./shared";

// 回款: a payment and its allocations commit together or not at all. The distributor's open
// invoices are locked (FOR UPDATE) before the split is computed, so two payments recorded at once
// never both settle the same balance; explicit lines carry the version the person saw, and an
// invoice changed since answers "changed by someone else" instead of being over-settled.

const FIELD_OF: Record<AllocationProblem, "amount" | "allocation"> = {
  amountNotPositive: "amount",
  exceedsOpen: "amount",
  unknownInvoice: "allocation",
  duplicateInvoice: "allocation",
  lineNotPositive: "allocation",
  lineExceedsOpen: "allocation",
  sumMismatch: "allocation",
};

export async function recordPayment(
  viewer: Viewer,
  input: RecordPaymentInput,
): Promise<{ id: string; paymentNo: string; allocated: { invoiceId: string; amount: bigint }[] }> {
  assertCapability(viewer, "channel.write");
  const distributor = await loadDistributorFor(viewer, input.distributorId, "edit");
  return mutate(viewer, async ({ tx, audit, auditMany }) => {
    const open = await tx.$queryRaw<
      {
        id: string;
        invoiceNo: string;
        issuedOn: Date;
        dueOn: Date;
        amount: bigint;
        paidAmount: bigint;
        version: number;
      }[]
    >`
      SELECT id, "invoiceNo", "issuedOn", "dueOn", amount, "paidAmount", version FROM "ChannelInvoice"
      WHERE "distributorId" = ${distributor.id} AND status = 'OPEN' AND "deletedAt" IS NULL
      ORDER BY id FOR UPDATE`;
    const byId = new Map(open.map((r) => [r.id, r]));
    for (const line of input.allocations ?? []) {
      const row = byId.get(line.invoiceId);
      if (row && row.version !== line.version) throw staleVersion();
    }
    const result = allocatePayment(
      input.amount,
      open.map((r) => ({
        id: r.id,
        invoiceNo: r.invoiceNo,
        issuedOn: fromDbDate(r.issuedOn),
        dueOn: fromDbDate(r.dueOn),
        open: BigInt(r.amount) - BigInt(r.paidAmount),
      })),
      input.allocations,
    );
    if (!result.ok) {
      throw new AppError("VALIDATION", result.problem, {
        [FIELD_OF[result.problem]]: [`receivables.errors.${result.problem}`],
      });
    }
    const paymentNo = await nextNumber(tx, "HK", input.receivedOn);
    const payment = await tx.channelPayment.create({
      data: {
        paymentNo,
        distributorId: distributor.id,
        receivedOn: input.receivedOn,
        amount: input.amount,
        method: input.method,
        note: input.note,
        recordedById: viewer.id,
        teamId: distributor.teamId,
      },
    });
    await tx.channelPaymentAllocation.createMany({
      data: result.allocations.map((a) => ({
        paymentId: payment.id,
        invoiceId: a.invoiceId,
        amount: a.amount,
      })),
    });
    const entries = [];
    for (const a of result.allocations) {
      const row = byId.get(a.invoiceId)!;
      const paid = BigInt(row.paidAmount) + a.amount;
      const status = invoiceStatus({ amount: BigInt(row.amount), paid, voided: false });
      // The row is locked, so the version cannot have moved since it was read.
      const { count } = await tx.channelInvoice.updateMany({
        where: { id: row.id, version: row.version },
        data: { paidAmount: paid, status, version: { increment: 1 } },
      });
      if (count === 0) throw staleVersion();
      entries.push({
        action: "invoice.allocate",
        entity: "ChannelInvoice",
        entityId: row.id,
        before: { paidAmount: row.paidAmount, status: "OPEN", version: row.version },
        after: {
          paidAmount: paid,
          status,
          version: row.version + 1,
          paymentId: payment.id,
          amount: a.amount,
        },
      });
    }
    await audit({
      action: "payment.record",
      entity: "ChannelPayment",
      entityId: payment.id,
      after: { ...payment, allocations: result.allocations },
    });
    await auditMany(entries);
    return { id: payment.id, paymentNo, allocated: result.allocations };
  });
}

/** A distributor's latest payments with how each was allocated. */
export async function recentPayments(viewer: Viewer, distributorId: string, take = 5) {
  const [, rows] = await readBesideCheck(viewer, distributorId, () =>
    db.channelPayment.findMany({
      where: { distributorId, deletedAt: null },
      orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
      take,
      select: {
        id: true,
        paymentNo: true,
        receivedOn: true,
        amount: true,
        method: true,
        allocations: { select: { amount: true, invoice: { select: { id: true, invoiceNo: true } } } },
      },
    }),
  );
  return rows.map((r) => ({ ...r, receivedOn: fromDbDate(r.receivedOn) }));
}
