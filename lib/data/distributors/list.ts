import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { normaliseCreditCode } from "@/lib/domain/credit-code";
import type { DistributorListQuery } from "@/lib/validation/distributors";
import { territorySubtree } from "../territories";
import { distributorScopeWhere } from "./scope";

// The distributor list: filtered, sorted and paged on the server within the viewer's scope.
// (Prisma here, not hand-written SQL as the account list: a company has hundreds to a few thousand
// distributors, and the indexes on team/owner/territory + deletedAt serve these filters.)

const rowSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  model: true,
  creditCode: true,
  stage: true,
  annualSales: true,
  employees: true,
  territory: { select: { id: true, name: true, nameEn: true } },
  owner: { select: { id: true, name: true } },
  coverage: { where: { deletedAt: null }, select: { exclusive: true } },
  version: true,
  deletedAt: true,
  updatedAt: true,
} satisfies Prisma.DistributorSelect;

export type DistributorListRow = Prisma.DistributorGetPayload<{ select: typeof rowSelect }>;

/** The list's filters as a where clause (scope first; deleted rows only for those who restore). */
export async function distributorListWhere(
  viewer: Viewer,
  query: Pick<DistributorListQuery, "q" | "stage" | "kind" | "territory" | "owner" | "deleted">,
): Promise<Prisma.DistributorWhereInput> {
  const and: Prisma.DistributorWhereInput[] = [await distributorScopeWhere(viewer)];
  const deleted = query.deleted && hasCapability(viewer, "records.restore");
  and.push({ deletedAt: deleted ? { not: null } : null });
  if (query.q) {
    const code = normaliseCreditCode(query.q);
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { code: { contains: query.q, mode: "insensitive" } },
        ...(code.length >= 4 ? [{ creditCode: { startsWith: code } }] : []),
      ],
    });
  }
  if (query.stage) and.push({ stage: query.stage });
  if (query.kind) and.push({ kind: query.kind });
  if (query.owner) and.push({ ownerId: query.owner });
  if (query.territory) and.push({ territoryId: { in: await territorySubtree(query.territory) } });
  return { AND: and };
}

const ORDER: Record<
  DistributorListQuery["sort"],
  (dir: "asc" | "desc") => Prisma.DistributorOrderByWithRelationInput
> = {
  name: (dir) => ({ name: dir }),
  code: (dir) => ({ code: dir }),
  stage: (dir) => ({ stage: dir }),
  annualSales: (dir) => ({ annualSales: { sort: dir, nulls: "last" } }),
  updatedAt: (dir) => ({ updatedAt: dir }),
};

/** One page of the list: `{ rows, total, page, pageSize }`. */
export async function listDistributorsPage(viewer: Viewer, query: DistributorListQuery) {
  const where = await distributorListWhere(viewer, query);
  const [rows, total] = await Promise.all([
    db.distributor.findMany({
      where,
      select: rowSelect,
      orderBy: [ORDER[query.sort](query.dir), { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.distributor.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

/** The viewer's distributors per stage (the channel manager's home card). */
export async function distributorStageCounts(viewer: Viewer) {
  const rows = await db.distributor.groupBy({
    by: ["stage"],
    where: { AND: [await distributorScopeWhere(viewer), { deletedAt: null }] },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.stage, r._count._all])) as Partial<Record<string, number>>;
}
