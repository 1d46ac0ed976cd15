import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import type { ChannelLinesQuery } from "@/lib/validation/channel-sales";
import { distributorScopeSql } from "../distributors/scope";

// The sales-report lines the viewer may see (their distributors' scope), filtered and paged on
// the server; newest first unless asked otherwise.

export type ChannelLineRow = {
  id: string;
  distributorId: string;
  distributorName: string;
  date: Date;
  documentNo: string | null;
  customerName: string | null;
  region: string | null;
  productName: string;
  quantity: number;
  unitPrice: bigint;
  amount: bigint;
  /** Sell-out: the conflict cases this line is evidence in. */
  cases: { id: string; number: string; kind: string }[];
};

export async function listChannelLines(
  viewer: Viewer,
  query: ChannelLinesQuery,
): Promise<{ rows: ChannelLineRow[]; total: number; page: number; pageSize: number }> {
  const scope = await distributorScopeSql(viewer, "d");
  const sellOut = query.kind === "SELL_OUT";
  const t = Prisma.raw(sellOut ? `"SellOutLine"` : `"SellInLine"`);
  const dateCol = Prisma.raw(sellOut ? `l."soldOn"` : `l."shippedOn"`);
  const where = [Prisma.sql`l."deletedAt" IS NULL`, Prisma.sql`d."deletedAt" IS NULL`, scope];
  if (query.distributorId) where.push(Prisma.sql`l."distributorId" = ${query.distributorId}`);
  if (query.productId) where.push(Prisma.sql`l."productId" = ${query.productId}`);
  if (query.from) where.push(Prisma.sql`${dateCol} >= ${toDbDate(query.from)}`);
  if (query.to) where.push(Prisma.sql`${dateCol} <= ${toDbDate(query.to)}`);
  if (sellOut && query.q)
    where.push(Prisma.sql`l."customerName" ILIKE ${`%${query.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (sellOut && query.flagged)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ChannelConflictEvidence" e WHERE e."sellOutLineId" = l.id)`);
  const filter = Prisma.join(where, " AND ");
  const dir = Prisma.raw(query.dir === "asc" ? "ASC" : "DESC");
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Omit<ChannelLineRow, "cases">[]>`
      SELECT l.id, l."distributorId", d.name AS "distributorName", ${dateCol} AS date,
        ${sellOut ? Prisma.sql`NULL` : Prisma.sql`l."documentNo" || '/' || l."lineNo"`} AS "documentNo",
        ${sellOut ? Prisma.sql`l."customerName"` : Prisma.sql`NULL`} AS "customerName",
        ${sellOut ? Prisma.sql`l."regionText"` : Prisma.sql`NULL`} AS region,
        p.name AS "productName", l.quantity, l."unitPrice", l.amount
      FROM ${t} l JOIN "Distributor" d ON d.id = l."distributorId" JOIN "Product" p ON p.id = l."productId"
      WHERE ${filter}
      ORDER BY ${dateCol} ${dir}, l.id ${dir}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*)::bigint AS n FROM ${t} l JOIN "Distributor" d ON d.id = l."distributorId" WHERE ${filter}`,
  ]);
  const cases = new Map<string, ChannelLineRow["cases"]>();
  if (sellOut && rows.length) {
    const evidence = await db.channelConflictEvidence.findMany({
      where: { sellOutLineId: { in: rows.map((r) => r.id) }, conflict: { deletedAt: null } },
      select: { sellOutLineId: true, conflict: { select: { id: true, number: true, kind: true } } },
    });
    for (const e of evidence) cases.set(e.sellOutLineId, [...(cases.get(e.sellOutLineId) ?? []), e.conflict]);
  }
  return {
    rows: rows.map((r) => ({ ...r, cases: cases.get(r.id) ?? [] })),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The distributors and products the filters offer (the viewer's distributors only). */
export async function lineFilterOptions(viewer: Viewer) {
  const scope = await distributorScopeSql(viewer, "d");
  const [distributors, products] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT d.id, d.name FROM "Distributor" d
      WHERE d."deletedAt" IS NULL AND d.stage IN ('SIGNED', 'SUSPENDED', 'TERMINATED') AND ${scope}
      ORDER BY d.code LIMIT 500`,
    db.product.findMany({
      where: { deletedAt: null },
      select: { id: true, name: true },
      orderBy: { code: "asc" },
    }),
  ]);
  return { distributors, products };
}
