import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import {
  ageInvoices,
  daysPastDue,
  exposure,
  isOverdue,
  sumBuckets,
  type BucketAmounts,
  type Exposure,
} from "@/lib/domain/receivables";
import { readBesideCheck } from "../distributors/scope";
import { recentPayments } from "./payments";
import { ageingDay } from "./shared";

// The exposure section of a distributor's page: credit limit, open balance, headroom, ageing,
// overdue invoices, recent payments and a pending credit request. A distributor holds tens of open
// invoices, so they are aged here with the domain's rule rather than a second SQL statement.

export type ExposureSection = {
  distributorId: string;
  asOf: string;
  exposure: Exposure;
  buckets: BucketAmounts;
  overdue: { id: string; invoiceNo: string; dueOn: string; open: bigint; daysPastDue: number }[];
  overdueCount: number;
  payments: Awaited<ReturnType<typeof recentPayments>>;
  pendingRequest: { id: string; requestedLimit: bigint; createdAt: Date } | null;
};

export async function loadExposureSection(
  viewer: Viewer,
  distributorId: string,
  now = new Date(),
): Promise<ExposureSection> {
  const asOf = ageingDay(now);
  const [d, [limit, open, payments, pending]] = await readBesideCheck(viewer, distributorId, () =>
    Promise.all([
      db.distributor.findUniqueOrThrow({ where: { id: distributorId }, select: { creditLimit: true } }),
      db.channelInvoice.findMany({
        where: { distributorId, status: "OPEN", deletedAt: null },
        orderBy: [{ dueOn: "asc" }, { invoiceNo: "asc" }],
        select: { id: true, invoiceNo: true, dueOn: true, amount: true, paidAmount: true },
      }),
      recentPayments(viewer, distributorId, 5),
      db.creditLimitRequest.findFirst({
        where: { distributorId, status: "PENDING" },
        select: { id: true, requestedLimit: true, createdAt: true },
      }),
    ]),
  );
  const invoices = open.map((i) => ({ ...i, dueOn: fromDbDate(i.dueOn), open: i.amount - i.paidAmount }));
  const buckets = ageInvoices(invoices, asOf);
  const overdue = invoices
    .filter((i) => isOverdue(i.dueOn, asOf))
    .map((i) => ({
      id: i.id,
      invoiceNo: i.invoiceNo,
      dueOn: i.dueOn,
      open: i.open,
      daysPastDue: daysPastDue(i.dueOn, asOf),
    }));
  return {
    distributorId: d.id,
    asOf,
    exposure: exposure(sumBuckets(buckets), limit.creditLimit),
    buckets,
    overdue: overdue.slice(0, 10),
    overdueCount: overdue.length,
    payments,
    pendingRequest: pending,
  };
}
