import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCapability } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/domain/access";
import type { IsoDate } from "@/lib/domain/calendar";
import {
  AGEING_BUCKETS,
  BUCKET_FLOOR,
  addBuckets,
  emptyBuckets,
  exposure,
  type BucketAmounts,
  type Exposure,
} from "@/lib/domain/receivables";
import { distributorScopeSql } from "../distributors/scope";
import { ageingDay } from "./shared";

// 账龄分析: the open receivables of every distributor in the viewer's scope, by ageing bucket, in one
// grouped statement over the (status, dueOn) index. Balances are today's (amount − paid); `asOf`
// moves the day the days past due are counted to.

export type AgeingRow = {
  distributorId: string;
  code: string;
  name: string;
  buckets: BucketAmounts;
  open: bigint;
  /** Past the due date (days past due ≥ 1). */
  overdue: bigint;
  invoices: number;
  exposure: Exposure;
};

export type ReceivablesAgeing = {
  asOf: IsoDate;
  totals: BucketAmounts;
  open: bigint;
  overdue: bigint;
  distributors: AgeingRow[];
  /** Distributors whose open balance is above their credit limit, the furthest over first. */
  overLimit: AgeingRow[];
};

type Raw = {
  id: string;
  code: string;
  name: string;
  creditLimit: bigint;
  invoices: number;
  overdue: bigint;
} & Record<(typeof AGEING_BUCKETS)[number], bigint>;

export async function receivablesAgeing(
  viewer: Viewer,
  opts: { asOf?: Date; teamId?: string } = {},
): Promise<ReceivablesAgeing> {
  assertCapability(viewer, "channel.read");
  const asOf = ageingDay(opts.asOf);
  const scope = await distributorScopeSql(viewer, "d");
  const team = opts.teamId ? Prisma.sql`AND d."teamId" = ${opts.teamId}` : Prisma.empty;
  const open = Prisma.sql`(i.amount - i."paidAmount")`;
  // days past due = asOf − dueOn; the FILTERs are the bucket edges of lib/domain/receivables.ts.
  const dpd = Prisma.sql`(${asOf}::date - i."dueOn")`;
  const rows = await db.$queryRaw<Raw[]>`
    SELECT d.id, d.code, d.name, d."creditLimit",
      COUNT(*)::int AS invoices,
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} < ${BUCKET_FLOOR.d0_30}), 0)::bigint AS "notDue",
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d0_30} AND ${dpd} < ${BUCKET_FLOOR.d31_60}), 0)::bigint AS "d0_30",
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d31_60} AND ${dpd} < ${BUCKET_FLOOR.d61_90}), 0)::bigint AS "d31_60",
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d61_90} AND ${dpd} < ${BUCKET_FLOOR.d90plus}), 0)::bigint AS "d61_90",
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d90plus}), 0)::bigint AS "d90plus",
      COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 1), 0)::bigint AS overdue
    FROM "ChannelInvoice" i
    JOIN "Distributor" d ON d.id = i."distributorId"
    WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL
      AND ${scope} ${team}
    GROUP BY d.id
    ORDER BY SUM(${open}) DESC, d.code`;

  const totals = emptyBuckets();
  let overdue = 0n;
  const distributors = rows.map((r): AgeingRow => {
    const buckets: BucketAmounts = {
      notDue: BigInt(r.notDue),
      d0_30: BigInt(r.d0_30),
      d31_60: BigInt(r.d31_60),
      d61_90: BigInt(r.d61_90),
      d90plus: BigInt(r.d90plus),
    };
    addBuckets(totals, buckets);
    overdue += BigInt(r.overdue);
    const open = AGEING_BUCKETS.reduce((s, k) => s + buckets[k], 0n);
    return {
      distributorId: r.id,
      code: r.code,
      name: r.name,
      buckets,
      open,
      overdue: BigInt(r.overdue),
      invoices: r.invoices,
      exposure: exposure(open, BigInt(r.creditLimit)),
    };
  });
  const overLimit = distributors
    .filter((d) => d.exposure.overLimit)
    .sort((a, b) => (a.exposure.headroom < b.exposure.headroom ? -1 : 1));
  return {
    asOf,
    totals,
    open: AGEING_BUCKETS.reduce((s, k) => s + totals[k], 0n),
    overdue,
    distributors,
    overLimit,
  };
}
