import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";
import type { AccountListQuery } from "@/lib/validation/accounts";
import { accountSelect, type AccountRow } from "./accounts";
import { scopeSql } from "./scope-sql";
import { likeEscape } from "./sql-like";
import { territorySubtree } from "./territories";

// Reads over many accounts at once — the account list (filters, sort, keyset pages), counts and
// the segmentation grid — each within what the viewer may see. One account's reads and every
// change stay in ./accounts.ts.

/** A row of the account list (read by hand-written SQL in listAccountsPage). */
export type AccountListRow = AccountRow & {
  healthScore: number | null;
  healthBand: "HEALTHY" | "WATCH" | "AT_RISK" | null;
  owner: { id: string; name: string };
  territory: { id: string; name: string; nameEn: string } | null;
};

/** Accounts the viewer may see (used by simple pickers and tests). */
export async function listAccounts(
  viewer: Viewer,
  opts: { deleted?: boolean; take?: number } = {},
): Promise<AccountRow[]> {
  return db.account.findMany({
    where: { ...scopeWhere(viewer), deletedAt: opts.deleted ? { not: null } : null },
    select: accountSelect,
    orderBy: { name: "asc" },
    take: opts.take ?? 100,
  });
}

export async function countAccounts(viewer: Viewer, opts: { ownedOnly?: boolean } = {}): Promise<number> {
  return db.account.count({
    where: { ...scopeWhere(viewer), ...(opts.ownedOnly ? { ownerId: viewer.id } : {}), deletedAt: null },
  });
}

/**
 * The account list's filters as SQL on "Account" a, scoped to the viewer. The list and its CSV export
 * both use it, so they always agree. (Hand-written SQL because the list is the app's hottest query
 * and Prisma 6's query compiler costs about as much again as the database; integration tests cover
 * every filter.)
 */
export async function accountListFilter(viewer: Viewer, query: AccountListQuery): Promise<Prisma.Sql> {
  const conds: Prisma.Sql[] = [
    scopeSql(viewer, "a"),
    query.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`,
  ];
  if (query.q) {
    const code = query.q.replace(/\s/g, "").toUpperCase();
    const name = Prisma.sql`a.name ILIKE ${`%${likeEscape(query.q)}%`}`;
    conds.push(
      code.length >= 4 ? Prisma.sql`(${name} OR a."creditCode" LIKE ${`${likeEscape(code)}%`})` : name,
    );
  }
  // Enum columns compare with enum arrays (casting the column to text would bypass its indexes).
  if (query.tier.length) conds.push(Prisma.sql`a.tier = ANY(${query.tier}::"Tier"[])`);
  if (query.health.length) conds.push(Prisma.sql`a."healthBand" = ANY(${query.health}::"HealthBand"[])`);
  if (query.lifecycle.length) {
    conds.push(Prisma.sql`a.lifecycle = ANY(${query.lifecycle}::"LifecycleStage"[])`);
  }
  if (query.industry.length) conds.push(Prisma.sql`a.industry = ANY(${query.industry}::text[])`);
  if (query.size.length) conds.push(Prisma.sql`a."sizeBand" = ANY(${query.size}::"SizeBand"[])`);
  if (query.ownerId) conds.push(Prisma.sql`a."ownerId" = ${query.ownerId}`);
  if (query.territoryId) {
    conds.push(Prisma.sql`a."territoryId" = ANY(${await territorySubtree(query.territoryId)}::text[])`);
  }
  if (query.scoreMin !== undefined) conds.push(Prisma.sql`a."compositeScore" >= ${query.scoreMin}`);
  if (query.scoreMax !== undefined) conds.push(Prisma.sql`a."compositeScore" <= ${query.scoreMax}`);
  return Prisma.join(conds, " AND ");
}

/** The list's sort columns (every one NOT NULL), ready to splice into ORDER BY and keyset filters. */
const SORT_COLUMN: Record<AccountListQuery["sort"], Prisma.Sql> = {
  name: Prisma.raw(`a.name`),
  compositeScore: Prisma.raw(`a."compositeScore"`),
  priorityScore: Prisma.raw(`a."priorityScore"`),
  tier: Prisma.raw(`a.tier`),
  updatedAt: Prisma.raw(`a."updatedAt"`),
  lifecycle: Prisma.raw(`a.lifecycle`),
  // Not yet computed sorts as the lowest (a NULL would break the keyset comparison).
  healthScore: Prisma.raw(`COALESCE(a."healthScore", -1)`),
};

/** ORDER BY for the list's sort, ties broken by id so pages never overlap. */
export function accountListOrder(query: Pick<AccountListQuery, "sort" | "dir">): Prisma.Sql {
  return Prisma.sql`${SORT_COLUMN[query.sort]} ${Prisma.raw(query.dir === "asc" ? "ASC" : "DESC")}, a.id ASC`;
}

/** Rows after `afterId` in the list's order (keyset paging for the export). */
export function accountListAfter(query: Pick<AccountListQuery, "sort" | "dir">, afterId: string): Prisma.Sql {
  const col = SORT_COLUMN[query.sort];
  const cmp = Prisma.raw(query.dir === "asc" ? ">" : "<");
  const at = Prisma.sql`(SELECT ${col} FROM "Account" a WHERE a.id = ${afterId})`;
  return Prisma.sql`(${col} ${cmp} ${at} OR (${col} = ${at} AND a.id > ${afterId}))`;
}

/** One page of the account list: server-side filtering, sorting and paging. */
export async function listAccountsPage(viewer: Viewer, query: AccountListQuery) {
  const filter = await accountListFilter(viewer, query);
  const [rows, counted] = await Promise.all([
    // Page first, then join the names: the JSON is built for 25 rows, not for every match.
    db.$queryRaw<AccountListRow[]>`
      SELECT a.*,
        json_build_object('id', u.id, 'name', u.name) AS owner,
        CASE WHEN t.id IS NULL THEN NULL
          ELSE json_build_object('id', t.id, 'name', t.name, 'nameEn', t."nameEn") END AS territory
      FROM (
        SELECT a.id, a.name, a."creditCode", a."ownerId", a."teamId", a."territoryId", a."accountType",
          a.industry, a."sizeBand", a.lifecycle, a.tier, a."computedTier", a."compositeScore",
          a."priorityScore", a."negativeAsset", a."healthScore", a."healthBand", a.version, a."deletedAt", a."createdAt", a."updatedAt"
        FROM "Account" a
        WHERE ${filter}
        ORDER BY ${accountListOrder(query)}
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
      ) a
      JOIN "User" u ON u.id = a."ownerId"
      LEFT JOIN "Territory" t ON t.id = a."territoryId"
      ORDER BY ${accountListOrder(query)}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Account" a WHERE ${filter}`,
  ]);
  return { rows, total: counted[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Counts and total purchase volume by industry × province × size band, within the viewer's scope. */
export async function segmentation(viewer: Viewer) {
  const rows = await db.$queryRaw<
    {
      industry: string | null;
      province: string | null;
      size: string | null;
      count: bigint;
      volume: bigint | null;
    }[]
  >`
    WITH RECURSIVE up AS (
      SELECT t.id AS leaf, t.id, t."parentId", t.level FROM "Territory" t
      UNION ALL SELECT up.leaf, p.id, p."parentId", p.level FROM up JOIN "Territory" p ON p.id = up."parentId"
    ), province AS (SELECT leaf, id FROM up WHERE level = 'PROVINCE')
    SELECT a.industry, province.id AS province, a."sizeBand"::text AS size, COUNT(*) AS count, SUM(a."purchaseVolume") AS volume
    FROM "Account" a LEFT JOIN province ON province.leaf = a."territoryId"
    WHERE a."deletedAt" IS NULL AND ${scopeSql(viewer, "a")}
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({
    ...r,
    count: Number(r.count),
    volume: r.volume === null ? 0 : Number(r.volume) / 100,
  }));
}
