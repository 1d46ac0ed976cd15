import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { assertCapability } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate, type IsoDate } from "@/lib/domain/calendar";
import { bucketRange, type AgeingBucket } from "@/lib/domain/receivables";
import { notFound } from "@/lib/errors";
import { loadDistributorFor, type DistributorRef } from "../distributors/scope";

// What the receivables modules share: numbering, the scope of an invoice (its distributor's) and
// the SQL of an ageing bucket, written from the same edges as lib/domain/receivables.ts.

/** The ageing day: the calendar day in China of `asOf` (or now). */
export const ageingDay = (asOf?: Date): IsoDate => chinaDate(asOf ?? new Date());

/**
 * The SQL condition "invoice `alias` falls in `bucket` as of `asOf`": days past due is
 * asOf − dueOn, so a floor of N days means dueOn ≤ asOf − N (the index on dueOn serves it).
 */
export function bucketSql(alias: string, bucket: AgeingBucket, asOf: IsoDate): Prisma.Sql {
  const due = Prisma.raw(`"${alias}"."dueOn"`);
  const { min, max } = bucketRange(bucket);
  const parts: Prisma.Sql[] = [];
  if (min !== null) parts.push(Prisma.sql`${due} <= ${asOf}::date - ${min}::int`);
  if (max !== null) parts.push(Prisma.sql`${due} >= ${asOf}::date - ${max}::int`);
  return Prisma.join(parts, " AND ");
}

/**
 * The next number of a series for a calendar year ("YS-2026-000042"). A transaction-scoped
 * advisory lock serialises numbering, so two invoices recorded at once never share a number.
 */
export async function nextNumber(tx: Tx, prefix: "YS" | "HK", on: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`keystone.receivables.${prefix}`}))`;
  const year = fromDbDate(on).slice(0, 4);
  const head = `${prefix}-${year}-`;
  const rows =
    prefix === "YS"
      ? await tx.$queryRaw<{ no: string }[]>`
          SELECT "invoiceNo" AS no FROM "ChannelInvoice"
          WHERE "invoiceNo" >= ${head} AND "invoiceNo" < ${`${prefix}-${year}.`}
          ORDER BY length("invoiceNo") DESC, "invoiceNo" DESC LIMIT 1`
      : await tx.$queryRaw<{ no: string }[]>`
          SELECT "paymentNo" AS no FROM "ChannelPayment"
          WHERE "paymentNo" >= ${head} AND "paymentNo" < ${`${prefix}-${year}.`}
          ORDER BY length("paymentNo") DESC, "paymentNo" DESC LIMIT 1`;
  const last = rows[0] ? Number(rows[0].no.slice(head.length)) || 0 : 0;
  return `${head}${String(last + 1).padStart(6, "0")}`;
}

/** Loads an invoice the viewer may see (its distributor's scope), or NOT_FOUND. */
export async function loadInvoiceFor(
  viewer: Viewer,
  invoiceId: string,
  action: "read" | "edit",
  tx?: Tx,
): Promise<{ distributor: DistributorRef; invoice: { id: string; distributorId: string } }> {
  assertCapability(viewer, action === "edit" ? "channel.write" : "channel.read");
  const invoice = await (tx ?? db).channelInvoice.findFirst({
    where: { id: invoiceId, deletedAt: null },
    select: { id: true, distributorId: true },
  });
  if (!invoice) throw notFound("invoice");
  const distributor = await loadDistributorFor(viewer, invoice.distributorId, action, { tx });
  return { distributor, invoice };
}
