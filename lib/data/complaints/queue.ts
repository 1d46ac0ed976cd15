import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { complaintQueueQuerySchema, type ComplaintQueueQuery } from "@/lib/validation/complaints";
import { complaintScope, teamNames } from "./shared";

// The complaint queue (投诉工作台): server-side filtering, sorting and paging over what the viewer
// may see. Tabs: mine (I am the first-responsibility owner or the handler), team (the complaints of
// the teams I manage), breached (an SLA clock ran out).

const queueSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  severity: true,
  category: true,
  channel: true,
  receivedAt: true,
  ackDueAt: true,
  resolveDueAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  closedAt: true,
  ackBreachedAt: true,
  resolveBreachedAt: true,
  escalatedAt: true,
  reopenCount: true,
  handlerTeamId: true,
  deletedAt: true,
  version: true,
  account: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  handler: { select: { id: true, name: true } },
} satisfies Prisma.ComplaintSelect;

export type ComplaintQueueRow = Prisma.ComplaintGetPayload<{ select: typeof queueSelect }> & {
  handlerTeam: { name: string; nameZh: string | null } | null;
};

/**
 * "Breached" as a where clause at `now`: a clock the job has marked, or one that ran out before the
 * job's next run (so the queue never shows a late complaint as on time).
 */
export function breachedWhere(now: Date): Prisma.ComplaintWhereInput {
  return {
    OR: [
      { ackBreachedAt: { not: null } },
      { resolveBreachedAt: { not: null } },
      { acknowledgedAt: null, ackDueAt: { lt: now } },
      { resolvedAt: null, resolveDueAt: { lt: now }, status: { not: "CLOSED" } },
    ],
  };
}

function filters(viewer: Viewer, q: ComplaintQueueQuery, now: Date): Prisma.ComplaintWhereInput[] {
  const and: Prisma.ComplaintWhereInput[] = [complaintScope(viewer)];
  // Deleted complaints are listed only for those who may restore them, and only when asked.
  and.push({ deletedAt: q.deleted && hasCapability(viewer, "records.restore") ? { not: null } : null });
  if (q.tab === "mine") and.push({ OR: [{ ownerId: viewer.id }, { handlerId: viewer.id }] });
  if (q.tab === "team") {
    if (!hasCapability(viewer, "complaints.team")) and.push({ id: "" });
    else if (viewer.visibleTeamIds !== "all") {
      const teams = [...viewer.visibleTeamIds];
      and.push({ OR: [{ teamId: { in: teams } }, { handlerTeamId: { in: teams } }] });
    }
  }
  if (q.tab === "breached" || q.breached) and.push(breachedWhere(now));
  if (q.status) and.push({ status: q.status });
  if (q.open) and.push({ status: { not: "CLOSED" } });
  if (q.severity) and.push({ severity: q.severity });
  if (q.category) and.push({ category: q.category });
  if (q.owner === "me") and.push({ ownerId: viewer.id });
  if (q.handler === "me") and.push({ handlerId: viewer.id });
  if (q.teamId) and.push({ OR: [{ teamId: q.teamId }, { handlerTeamId: q.teamId }] });
  if (q.accountId) and.push({ accountId: q.accountId });
  if (q.q) {
    and.push({
      OR: [
        { number: { contains: q.q, mode: "insensitive" } },
        { title: { contains: q.q, mode: "insensitive" } },
        { account: { name: { contains: q.q, mode: "insensitive" } } },
      ],
    });
  }
  return and;
}

/** One page of the queue. `query` is the URL's state (anything missing takes its default). */
export async function listComplaintQueue(
  viewer: Viewer,
  query: Partial<ComplaintQueueQuery> = {},
  now = new Date(),
): Promise<{ rows: ComplaintQueueRow[]; total: number; page: number; pageSize: number }> {
  const q = { ...complaintQueueQuerySchema.parse({}), ...query };
  const where: Prisma.ComplaintWhereInput = { AND: filters(viewer, q, now) };
  const [rows, total] = await Promise.all([
    db.complaint.findMany({
      where,
      select: queueSelect,
      orderBy: [{ [q.sort]: q.dir }, { id: q.dir }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.complaint.count({ where }),
  ]);
  const names = await teamNames(
    db,
    rows.map((r) => r.handlerTeamId),
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      handlerTeam: r.handlerTeamId ? (names.get(r.handlerTeamId) ?? null) : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** An account's complaints for its page: the open ones first, then the history (newest first). */
export async function listAccountComplaints(viewer: Viewer, accountId: string, take = 20) {
  const where: Prisma.ComplaintWhereInput = { AND: [complaintScope(viewer), { accountId, deletedAt: null }] };
  const [open, closed, openCount, closedCount] = await Promise.all([
    db.complaint.findMany({
      where: { AND: [where, { status: { not: "CLOSED" } }] },
      select: queueSelect,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take,
    }),
    db.complaint.findMany({
      where: { AND: [where, { status: "CLOSED" }] },
      select: queueSelect,
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      take,
    }),
    db.complaint.count({ where: { AND: [where, { status: { not: "CLOSED" } }] } }),
    db.complaint.count({ where: { AND: [where, { status: "CLOSED" }] } }),
  ]);
  return { open, closed, openCount, closedCount };
}
