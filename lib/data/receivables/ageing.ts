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

// One row per distributor as a compact JSON array (money as text: fen sums may pass 2^53 in
// principle): the statement returns a single value, so the client parses one JSON document instead
// of converting ~2,000 rows × 11 columns one value at a time — the app then costs about what its SQL does.
type Packed = [string, string, string, string, number, string, string, string, string, string, string];

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
  const [result] = await db.$queryRaw<{ rows: Packed[] | null }[]>`
    SELECT json_agg(json_build_array(g.id, g.code, g.name, g."creditLimit"::text, g.invoices,
        g."notDue"::text, g."d0_30"::text, g."d31_60"::text, g."d61_90"::text, g."d90plus"::text, g.overdue::text)
      ORDER BY g.open DESC, g.code) AS rows
    FROM (
      SELECT d.id, d.code, d.name, d."creditLimit",
        COUNT(*)::int AS invoices,
        SUM(${open}) AS open,
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} < ${BUCKET_FLOOR.d0_30}), 0) AS "notDue",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d0_30} AND ${dpd} < ${BUCKET_FLOOR.d31_60}), 0) AS "d0_30",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d31_60} AND ${dpd} < ${BUCKET_FLOOR.d61_90}), 0) AS "d31_60",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d61_90} AND ${dpd} < ${BUCKET_FLOOR.d90plus}), 0) AS "d61_90",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= ${BUCKET_FLOOR.d90plus}), 0) AS "d90plus",
        COALESCE(SUM(${open}) FILTER (WHERE ${dpd} >= 1), 0) AS overdue
      FROM "ChannelInvoice" i
      JOIN "Distributor" d ON d.id = i."distributorId"
      WHERE i.status = 'OPEN' AND i."deletedAt" IS NULL AND d."deletedAt" IS NULL
        AND ${scope} ${team}
      GROUP BY d.id) g`;
  const rows = result?.rows ?? [];

  const totals = emptyBuckets();
  let overdue = 0n;
  const distributors = rows.map((r): AgeingRow => {
    const [id, code, name, creditLimit, invoices, notDue, d0_30, d31_60, d61_90, d90plus, late] = r;
    const buckets: BucketAmounts = {
      notDue: BigInt(notDue),
      d0_30: BigInt(d0_30),
      d31_60: BigInt(d31_60),
      d61_90: BigInt(d61_90),
      d90plus: BigInt(d90plus),
    };
    addBuckets(totals, buckets);
    overdue += BigInt(late);
    const open = AGEING_BUCKETS.reduce((s, k) => s + buckets[k], 0n);
    return {
      distributorId: id,
      code,
      name,
      buckets,
      open,
      overdue: BigInt(late),
      invoices,
      exposure: exposure(open, BigInt(creditLimit)),
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
