import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import { parsePeriod, periodKey, type Period } from "@/lib/domain/kpi-period";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { LedgerListQuery } from "@/lib/validation/ledger";
import { mutate } from "../audit";
import { kpiScopeWhere, resolveKpiScope, type KpiScope } from "../kpi/scope";

// Reading the ledger: a line is seen like an owned record (its owner and team when booked, against
// the viewer's scope). The list's filters are also the dashboard's drill-down contract.

export const LEDGER_PAGE_SIZE = 50;

export const ledgerLineSelect = {
  id: true,
  kind: true,
  documentNo: true,
  month: true,
  productLine: true,
  amount: true,
  note: true,
  version: true,
  deletedAt: true,
  ownerId: true,
  teamId: true,
  importBatchId: true,
  account: { select: { id: true, name: true, tier: true, creditCode: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.LedgerLineSelect;
export type LedgerLineRow = Prisma.LedgerLineGetPayload<{ select: typeof ledgerLineSelect }>;

export type LedgerFilter = {
  where: Prisma.LedgerLineWhereInput;
  /** The period asked for, or null: every month. */
  period: Period | null;
  /** The team/person narrowing asked for (already within the viewer's scope), or null. */
  scope: KpiScope | null;
  /** The parameters the filter honoured, to keep in links (paging, export). */
  params: Record<string, string | undefined>;
};

/**
 * The where clause of the list, its totals and its export. The viewer's record scope always
 * applies; `team` / `person` narrow it as the dashboard does (resolveKpiScope never widens it and
 * answers a forged id with the default); a period selects the months it touches.
 */
export async function ledgerFilter(viewer: Viewer, query: LedgerListQuery, today = chinaDate(new Date())) {
  // parsePeriod answers a malformed period with the current month; the ledger shows every month
  // instead (a drill-down's period always parses), so only a period that parsed as given applies.
  const parsed = parsePeriod({ period: query.period, from: query.from, to: query.to }, today);
  const period =
    (parsed.kind === "custom" && query.from && query.to) ||
    (query.period && periodKey(parsed) === query.period)
      ? parsed
      : null;
  const scope = query.team || query.person ? await resolveKpiScope(viewer, query) : null;
  const deleted = query.deleted === "1" && hasCapability(viewer, "records.restore");
  const and: Prisma.LedgerLineWhereInput[] = [
    scopeWhere(viewer),
    { deletedAt: deleted ? { not: null } : null },
  ];
  if (scope) and.push(kpiScopeWhere(scope));
  if (period) {
    and.push({ month: { gte: toDbDate(`${period.start.slice(0, 7)}-01`), lte: toDbDate(period.end) } });
  }
  if (query.account) and.push({ accountId: query.account });
  if (query.tier) and.push({ account: { tier: query.tier } });
  if (query.kind) and.push({ kind: query.kind });
  if (query.product) and.push({ productLine: query.product });
  const filter: LedgerFilter = {
    where: { AND: and },
    period,
    scope,
    params: {
      ...(period
        ? period.kind === "custom"
          ? { from: period.start, to: period.end }
          : { period: periodKey(period) }
        : {}),
      team: scope?.kind === "team" ? scope.teamId : undefined,
      person: scope?.kind === "person" ? scope.userId : undefined,
      account: query.account,
      tier: query.tier,
      kind: query.kind,
      product: query.product,
      deleted: deleted ? "1" : undefined,
    },
  };
  return filter;
}

const ORDER: Prisma.LedgerLineOrderByWithRelationInput[] = [
  { month: "desc" },
  { documentNo: "asc" },
  { id: "asc" },
];

/** One page of lines, newest month first, with the totals of everything the filter selects. */
export async function listLedgerLines(viewer: Viewer, query: LedgerListQuery) {
  const filter = await ledgerFilter(viewer, query);
  const [rows, total, sums] = await Promise.all([
    db.ledgerLine.findMany({
      where: filter.where,
      orderBy: ORDER,
      skip: (query.page - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
      select: ledgerLineSelect,
    }),
    db.ledgerLine.count({ where: filter.where }),
    db.ledgerLine.groupBy({ by: ["kind"], where: filter.where, _sum: { amount: true } }),
  ]);
  const sum = (kind: "REVENUE" | "COLLECTION") => sums.find((s) => s.kind === kind)?._sum.amount ?? 0n;
  return {
    rows,
    total,
    page: query.page,
    pageSize: LEDGER_PAGE_SIZE,
    totals: { revenue: sum("REVENUE"), collections: sum("COLLECTION") },
    filter,
  };
}

const EXPORT_BATCH = 2000;

/**
 * Every line the filter selects, in the list's order, in batches of EXPORT_BATCH. The export is
 * recorded in the audit trail (how many lines, with which filters) before any line is handed out,
 * as the account export is.
 */
export async function exportLedgerLines(viewer: Viewer, query: LedgerListQuery) {
  const { where, params } = await ledgerFilter(viewer, query);
  const count = await db.ledgerLine.count({ where });
  await mutate(viewer, async ({ audit }) => {
    await audit({
      action: "ledgerLine.export",
      entity: "LedgerLine",
      entityId: "export",
      after: { count, params },
    });
  });
  async function* batches() {
    for (let skip = 0; skip < count; skip += EXPORT_BATCH) {
      const rows = await db.ledgerLine.findMany({
        where,
        orderBy: ORDER,
        skip,
        take: EXPORT_BATCH,
        select: ledgerLineSelect,
      });
      if (!rows.length) return;
      yield rows;
    }
  }
  return { count, batches: batches() };
}

/** One line the viewer may see (a deleted one only when asked), else NOT_FOUND. */
export async function getLedgerLine(viewer: Viewer, id: string, opts: { deleted?: boolean } = {}) {
  const row = await db.ledgerLine.findFirst({
    where: { id, ...scopeWhere(viewer), ...(opts.deleted ? {} : { deletedAt: null }) },
    select: ledgerLineSelect,
  });
  if (!row) throw notFound("ledgerLine");
  return row;
}

/** The accounts a line may be booked against: live ones in the viewer's scope, by name. */
export async function ledgerAccountOptions(viewer: Viewer) {
  return db.account.findMany({
    where: { ...scopeWhere(viewer), deletedAt: null },
    select: { id: true, name: true, tier: true },
    orderBy: { name: "asc" },
    take: 2000,
  });
}

/** The product lines in use in the viewer's scope (the filter's and the form's suggestions). */
export async function ledgerProductLines(viewer: Viewer): Promise<string[]> {
  const rows = await db.ledgerLine.findMany({
    where: { ...scopeWhere(viewer), deletedAt: null },
    distinct: ["productLine"],
    select: { productLine: true },
    orderBy: { productLine: "asc" },
    take: 200,
  });
  return rows.map((r) => r.productLine);
}

/** The account a link filters by, if the viewer may see it (for the filter's label). */
export async function ledgerFilterAccount(viewer: Viewer, accountId: string | undefined) {
  if (!accountId) return null;
  return db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer) },
    select: { id: true, name: true },
  });
}
