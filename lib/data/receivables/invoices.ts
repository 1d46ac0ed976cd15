import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCapability } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/domain/access";
import { addDays, fromDbDate, toDbDate } from "@/lib/domain/calendar";
import { canVoid, invoiceState, type InvoiceState, type InvoiceStatus } from "@/lib/domain/receivables";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import type { CreateInvoiceInput, InvoiceListQuery, VoidInvoiceInput } from "@/lib/validation/receivables";
import { mutate } from "../audit";
import { distributorScopeSql, loadDistributorFor } from "../distributors/scope";
import { likeEscape } from "../sql-like";
import { updateVersioned } from "../versioning";
import { ageingDay, bucketSql, loadInvoiceFor, nextNumber } from "./shared";

// 应收单: the paged list (the ageing dashboard's drill-down target), the detail with its
// allocations, recording and voiding. Every query follows the invoice's distributor's scope.

export type InvoiceListRow = {
  id: string;
  invoiceNo: string;
  distributorId: string;
  distributorName: string;
  issuedOn: string;
  dueOn: string;
  amount: bigint;
  paidAmount: bigint;
  open: bigint;
  status: InvoiceStatus;
  state: InvoiceState;
  /** Days past due as of the list's day (negative before the due date). */
  daysPastDue: number;
};

const SORT_SQL: Record<InvoiceListQuery["sort"], string> = {
  dueOn: `i."dueOn"`,
  issuedOn: `i."issuedOn"`,
  invoiceNo: `i."invoiceNo"`,
  amount: `i.amount`,
  open: `(i.amount - i."paidAmount")`,
};

export async function listInvoices(
  viewer: Viewer,
  query: InvoiceListQuery,
  now = new Date(),
): Promise<{ rows: InvoiceListRow[]; total: number; page: number; pageSize: number; asOf: string }> {
  assertCapability(viewer, "channel.read");
  const asOf = query.asOf ?? ageingDay(now);
  const where: Prisma.Sql[] = [
    Prisma.sql`i."deletedAt" IS NULL`,
    Prisma.sql`d."deletedAt" IS NULL`,
    await distributorScopeSql(viewer, "d"),
  ];
  if (query.distributor) where.push(Prisma.sql`i."distributorId" = ${query.distributor}`);
  if (query.bucket) where.push(Prisma.sql`i.status = 'OPEN'`, bucketSql("i", query.bucket, asOf));
  if (query.status === "overdue") where.push(Prisma.sql`i.status = 'OPEN' AND i."dueOn" < ${asOf}::date`);
  else if (query.status) where.push(Prisma.sql`i.status = ${query.status}::"ChannelInvoiceStatus"`);
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    where.push(Prisma.sql`(i."invoiceNo" ILIKE ${like} OR d.name ILIKE ${like} OR d.code ILIKE ${like})`);
  }
  const filter = Prisma.join(where, " AND ");
  const order = Prisma.raw(
    `${SORT_SQL[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"}, i."invoiceNo" ASC`,
  );
  const offset = (query.page - 1) * query.pageSize;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        invoiceNo: string;
        distributorId: string;
        distributorName: string;
        issuedOn: Date;
        dueOn: Date;
        amount: bigint;
        paidAmount: bigint;
        status: InvoiceStatus;
        dpd: number;
      }[]
    >`
      SELECT i.id, i."invoiceNo", i."distributorId", d.name AS "distributorName", i."issuedOn", i."dueOn",
        i.amount, i."paidAmount", i.status, (${asOf}::date - i."dueOn")::int AS dpd
      FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE ${filter}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT COUNT(*)::int AS total
      FROM "ChannelInvoice" i JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE ${filter}`,
  ]);
  return {
    rows: rows.map((r) => {
      const amount = BigInt(r.amount);
      const paid = BigInt(r.paidAmount);
      return {
        id: r.id,
        invoiceNo: r.invoiceNo,
        distributorId: r.distributorId,
        distributorName: r.distributorName,
        issuedOn: fromDbDate(r.issuedOn),
        dueOn: fromDbDate(r.dueOn),
        amount,
        paidAmount: paid,
        open: r.status === "OPEN" ? amount - paid : 0n,
        status: r.status,
        state: invoiceState({ amount, paid, voided: r.status === "VOID" }),
        daysPastDue: r.dpd,
      };
    }),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    asOf,
  };
}

export type InvoiceDetail = Awaited<ReturnType<typeof getInvoice>>;

/** One invoice with its distributor, allocations (which payment, how much) and whether the viewer may act. */
export async function getInvoice(viewer: Viewer, invoiceId: string) {
  const { distributor } = await loadInvoiceFor(viewer, invoiceId, "read");
  const row = await db.channelInvoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      invoiceNo: true,
      distributorId: true,
      issuedOn: true,
      dueOn: true,
      amount: true,
      paidAmount: true,
      status: true,
      note: true,
      version: true,
      createdAt: true,
      allocations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          amount: true,
          payment: { select: { id: true, paymentNo: true, receivedOn: true, method: true } },
        },
      },
    },
  });
  if (!row) throw notFound("invoice");
  const d = await db.distributor.findUniqueOrThrow({
    where: { id: distributor.id },
    select: { name: true, code: true, creditLimit: true },
  });
  let canEdit = true;
  try {
    await loadDistributorFor(viewer, distributor.id, "edit");
  } catch {
    canEdit = false;
  }
  return {
    ...row,
    issuedOn: fromDbDate(row.issuedOn),
    dueOn: fromDbDate(row.dueOn),
    distributorName: d.name,
    distributorCode: d.code,
    open: row.status === "OPEN" ? row.amount - row.paidAmount : 0n,
    state: invoiceState({ amount: row.amount, paid: row.paidAmount, voided: row.status === "VOID" }),
    canEdit,
    canVoid: canEdit && canVoid({ paid: row.paidAmount, status: row.status }),
    allocations: row.allocations.map((a) => ({
      ...a,
      payment: { ...a.payment, receivedOn: fromDbDate(a.payment.receivedOn) },
    })),
  };
}

/** The payment term (账期) of the distributor's agreement in force on a day, else 30 days. */
async function paymentTermDays(distributorId: string, on: Date): Promise<number> {
  const version = await db.channelAgreementVersion.findFirst({
    where: {
      agreement: { distributorId, deletedAt: null, status: { in: ["ACTIVE", "EXPIRED", "TERMINATED"] } },
      startsOn: { lte: on },
      endsOn: { gte: on },
    },
    // The latest version in force that day (a mid-year change may have altered the term).
    orderBy: [{ startsOn: "desc" }, { number: "desc" }],
    select: { paymentTermDays: true },
  });
  return version?.paymentTermDays ?? 30;
}

export async function createInvoice(
  viewer: Viewer,
  input: CreateInvoiceInput,
): Promise<{ id: string; invoiceNo: string }> {
  assertCapability(viewer, "channel.write");
  const distributor = await loadDistributorFor(viewer, input.distributorId, "edit");
  const dueOn =
    input.dueOn ??
    toDbDate(addDays(fromDbDate(input.issuedOn), await paymentTermDays(distributor.id, input.issuedOn)));
  return mutate(viewer, async ({ tx, audit }) => {
    const invoiceNo = await nextNumber(tx, "YS", input.issuedOn);
    const created = await tx.channelInvoice.create({
      data: {
        invoiceNo,
        distributorId: distributor.id,
        issuedOn: input.issuedOn,
        dueOn,
        amount: input.amount,
        note: input.note,
        teamId: distributor.teamId,
        ownerId: distributor.ownerId,
      },
    });
    await audit({ action: "invoice.create", entity: "ChannelInvoice", entityId: created.id, after: created });
    return { id: created.id, invoiceNo };
  });
}

/** 作废: only an invoice nothing has been paid against; the reason stays in the audit trail. */
export async function voidInvoice(viewer: Viewer, input: VoidInvoiceInput): Promise<void> {
  await mutate(viewer, async ({ tx, audit }) => {
    await loadInvoiceFor(viewer, input.id, "edit", tx);
    const before = await tx.channelInvoice.findUniqueOrThrow({ where: { id: input.id } });
    if (before.version !== input.version) throw staleVersion();
    if (!canVoid({ paid: before.paidAmount, status: before.status }))
      throw new AppError("VALIDATION", "paid invoice", { _form: ["receivables.errors.voidPaid"] });
    await updateVersioned(tx.channelInvoice, {
      where: { id: input.id, paidAmount: 0n },
      version: input.version,
      data: { status: "VOID", note: before.note ? `${before.note}\n${input.reason}` : input.reason },
    });
    await audit({
      action: "invoice.void",
      entity: "ChannelInvoice",
      entityId: input.id,
      before: { status: before.status, version: before.version },
      after: { status: "VOID", reason: input.reason, version: before.version + 1 },
    });
  });
}

/** The open invoices of a distributor, oldest due first (the payment form lists them). */
export async function openInvoicesOf(viewer: Viewer, distributorId: string) {
  await loadDistributorFor(viewer, distributorId, "read");
  const rows = await db.channelInvoice.findMany({
    where: { distributorId, status: "OPEN", deletedAt: null },
    orderBy: [{ dueOn: "asc" }, { issuedOn: "asc" }, { invoiceNo: "asc" }],
    take: 200,
    select: {
      id: true,
      invoiceNo: true,
      issuedOn: true,
      dueOn: true,
      amount: true,
      paidAmount: true,
      version: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    issuedOn: fromDbDate(r.issuedOn),
    dueOn: fromDbDate(r.dueOn),
    open: r.amount - r.paidAmount,
  }));
}

/** Distributors the viewer may keep receivables for (the forms' choice), by code. */
export async function receivableDistributorOptions(viewer: Viewer, opts: { edit?: boolean } = {}) {
  assertCapability(viewer, opts.edit ? "channel.write" : "channel.read");
  const scope = await distributorScopeSql(viewer, "d");
  return db.$queryRaw<{ id: string; code: string; name: string }[]>`
    SELECT d.id, d.code, d.name FROM "Distributor" d
    WHERE d."deletedAt" IS NULL AND d.stage IN ('SIGNED', 'SUSPENDED', 'TERMINATED') AND ${scope}
    ORDER BY d.code LIMIT 2000`;
}
