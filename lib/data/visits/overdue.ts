import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { chinaToday, fromDbDate } from "@/lib/domain/calendar";
import { daysOverdue } from "@/lib/domain/visits";
import { assertCapability } from "@/lib/auth/permissions";

// 该联系却没联系: accounts whose next contact was due before today (in China). Both lists read the
// stored Account.contactDueOn through the (ownerId | teamId, deletedAt, contactDueOn) indexes — a
// range scan; nothing here looks at the visit history.

const overdueSelect = {
  id: true,
  name: true,
  tier: true,
  lastContactAt: true,
  contactDueOn: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.AccountSelect;

type Raw = Prisma.AccountGetPayload<{ select: typeof overdueSelect }>;
export type OverdueAccount = Omit<Raw, "contactDueOn"> & { contactDueOn: string; daysOverdue: number };

function withDays(rows: Raw[], now: Date): OverdueAccount[] {
  const today = fromDbDate(chinaToday(now));
  return rows.map((r) => {
    const due = fromDbDate(r.contactDueOn!);
    return { ...r, contactDueOn: due, daysOverdue: daysOverdue(due, today) };
  });
}

/** The viewer's own overdue accounts, longest overdue first; `total` counts them all. */
export async function listMyOverdueAccounts(viewer: Viewer, opts: { take?: number; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const where = { ownerId: viewer.id, deletedAt: null, contactDueOn: { lt: chinaToday(now) } };
  const [rows, total] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: [{ contactDueOn: "asc" }, { id: "asc" }],
      take: opts.take ?? 200,
      select: overdueSelect,
    }),
    db.account.count({ where }),
  ]);
  return { rows: withDays(rows, now), total };
}

export type TeamOverdueSort = "days" | "owner" | "tier" | "name";

/** Most rows the team list shows; a team beyond it narrows by rep. */
export const TEAM_OVERDUE_LIMIT = 500;

/**
 * The overdue accounts of the teams the manager sees, with a summary per rep (count and the longest
 * overdue), sortable; `owner` narrows to one rep. Managers and administrators only.
 */
export async function listTeamOverdueAccounts(
  viewer: Viewer,
  opts: { sort?: TeamOverdueSort; owner?: string; now?: Date } = {},
) {
  assertCapability(viewer, "visits.team");
  const now = opts.now ?? new Date();
  const where: Prisma.AccountWhereInput = {
    ...(viewer.visibleTeamIds === "all" ? {} : { teamId: { in: [...viewer.visibleTeamIds] } }),
    deletedAt: null,
    contactDueOn: { lt: chinaToday(now) },
    ...(opts.owner ? { ownerId: opts.owner } : {}),
  };
  const [rows, total, byOwner] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: [{ contactDueOn: "asc" }, { id: "asc" }],
      take: TEAM_OVERDUE_LIMIT,
      select: overdueSelect,
    }),
    db.account.count({ where }),
    db.account.groupBy({
      by: ["ownerId"],
      where: { ...where, ownerId: undefined },
      _count: { _all: true },
      _min: { contactDueOn: true },
    }),
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: byOwner.map((o) => o.ownerId) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const today = fromDbDate(chinaToday(now));
  const owners = byOwner
    .map((o) => ({
      id: o.ownerId,
      name: names.get(o.ownerId) ?? "",
      count: o._count._all,
      maxDaysOverdue: o._min.contactDueOn ? daysOverdue(fromDbDate(o._min.contactDueOn), today) : 0,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
  return { rows: sortOverdue(withDays(rows, now), opts.sort ?? "days"), total, owners };
}

const TIER_ORDER = { A: 0, B: 1, C: 2 } as const;

function sortOverdue(rows: OverdueAccount[], sort: TeamOverdueSort): OverdueAccount[] {
  const byDays = (a: OverdueAccount, b: OverdueAccount) =>
    b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id);
  const compare: Record<TeamOverdueSort, (a: OverdueAccount, b: OverdueAccount) => number> = {
    days: byDays,
    owner: (a, b) => a.owner.name.localeCompare(b.owner.name, "zh-CN") || byDays(a, b),
    tier: (a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || byDays(a, b),
    name: (a, b) => a.name.localeCompare(b.name, "zh-CN") || byDays(a, b),
  };
  return [...rows].sort(compare[sort]);
}
