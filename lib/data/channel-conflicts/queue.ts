import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { CONFLICT_STATUSES, OPEN_STATUSES, type ConflictStatus } from "@/lib/domain/channel-conflicts";
import { conflictQueueQuerySchema, type ConflictQueueQuery } from "@/lib/validation/channel-conflicts";
import { conflictScopeWhere, distributorNames } from "./shared";

// The conflict queue (渠道冲突工作台): server-side filtering, sorting and paging over the cases
// whose offending or affected distributor the viewer may see, with counts per step.

const queueSelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  distributorId: true,
  affectedDistributorId: true,
  detectedAutomatically: true,
  evidenceCount: true,
  evidenceAmount: true,
  outcome: true,
  createdAt: true,
  resolvedAt: true,
} satisfies Prisma.ChannelConflictSelect;

export type ConflictQueueRow = Prisma.ChannelConflictGetPayload<{ select: typeof queueSelect }> & {
  distributor: { name: string; code: string } | null;
  affected: { name: string; code: string } | null;
};

export type ConflictQueue = {
  rows: ConflictQueueRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Cases per step under the same filters (except the status filter itself). */
  counts: Record<ConflictStatus, number>;
};

function filters(q: ConflictQueueQuery): Prisma.ChannelConflictWhereInput[] {
  const and: Prisma.ChannelConflictWhereInput[] = [{ deletedAt: null }];
  if (q.kind) and.push({ kind: q.kind });
  if (q.distributorId)
    and.push({ OR: [{ distributorId: q.distributorId }, { affectedDistributorId: q.distributorId }] });
  if (q.q) {
    and.push({
      OR: [
        { number: { contains: q.q, mode: "insensitive" } },
        { summary: { contains: q.q, mode: "insensitive" } },
      ],
    });
  }
  return and;
}

/** One page of the queue. `query` is the URL's state (anything missing takes its default). */
export async function listConflictQueue(
  viewer: Viewer,
  query: Partial<ConflictQueueQuery> = {},
): Promise<ConflictQueue> {
  const q = { ...conflictQueueQuerySchema.parse({}), ...query };
  const base: Prisma.ChannelConflictWhereInput[] = [await conflictScopeWhere(viewer), ...filters(q)];
  const status: Prisma.ChannelConflictWhereInput =
    q.status === "OPEN" ? { status: { in: [...OPEN_STATUSES] } } : q.status ? { status: q.status } : {};
  const where: Prisma.ChannelConflictWhereInput = { AND: [...base, status] };
  const [rows, total, groups] = await Promise.all([
    db.channelConflict.findMany({
      where,
      select: queueSelect,
      orderBy: [{ [q.sort]: q.dir }, { id: q.dir }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.channelConflict.count({ where }),
    db.channelConflict.groupBy({ by: ["status"], where: { AND: base }, _count: { _all: true } }),
  ]);
  const names = await distributorNames(
    db,
    rows.flatMap((r) => [r.distributorId, r.affectedDistributorId]),
  );
  const counts = Object.fromEntries(CONFLICT_STATUSES.map((s) => [s, 0])) as Record<ConflictStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return {
    rows: rows.map((r) => ({
      ...r,
      distributor: names.get(r.distributorId) ?? null,
      affected: r.affectedDistributorId ? (names.get(r.affectedDistributorId) ?? null) : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts,
  };
}
