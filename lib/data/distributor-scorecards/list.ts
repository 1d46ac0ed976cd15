import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import type { Recommendation } from "@/lib/domain/distributor-scorecard";
import { notFound } from "@/lib/errors";
import { distributorScopeSql, loadDistributorFor } from "../distributors/scope";
import { likeEscape } from "../sql-like";
import type { ScorecardFactors } from "./compute";

// Reading scorecards: a quarter's ranking (paged, filtered, sorted on the server), one scorecard
// with its workings, and the periods that have any. Scope follows the distributor.

export const SCORECARD_SORTS = ["rank", "total", "name"] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

export type ScorecardListQuery = {
  periodKey: string;
  recommendation: Recommendation | null;
  q: string | null;
  sort: ScorecardSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type ScorecardListRow = {
  id: string;
  distributorId: string;
  distributorName: string;
  distributorCode: string;
  stage: string;
  total: number | null;
  rank: number | null;
  recommendation: Recommendation | null;
  overridden: boolean;
  points: Record<
    "achievement" | "growth" | "paymentTimeliness" | "conflicts" | "inventory" | "satisfaction",
    number | null
  >;
  reviewed: boolean;
};

function toRow(s: RawRow): ScorecardListRow {
  const f = s.factors as unknown as ScorecardFactors;
  return {
    id: s.id,
    distributorId: s.distributorId,
    distributorName: s.distributor.name,
    distributorCode: s.distributor.code,
    stage: s.distributor.stage,
    total: s.total,
    rank: s.rank,
    recommendation: s.recommendation,
    overridden: Boolean(f.override),
    reviewed: s.reviewedAt !== null,
    points: {
      achievement: f.achievement?.points ?? null,
      growth: f.growth?.points ?? null,
      paymentTimeliness: f.paymentTimeliness?.points ?? null,
      conflicts: f.conflicts?.points ?? null,
      inventory: f.inventory?.points ?? null,
      satisfaction: f.satisfaction?.points ?? null,
    },
  };
}

type RawRow = {
  id: string;
  distributorId: string;
  total: number | null;
  rank: number | null;
  recommendation: Recommendation | null;
  factors: Prisma.JsonValue;
  reviewedAt: Date | null;
  distributor: { name: string; code: string; stage: string };
};

const ORDER: Record<ScorecardSort, string> = {
  rank: `s.rank {dir} NULLS LAST, d.name ASC`,
  total: `s.total {dir} NULLS LAST, d.name ASC`,
  name: `d.name {dir}`,
};

/** A quarter's ranking: one page, with the count, in one scoped query each (the scorecard has no relation to join through Prisma). */
export async function listScorecards(
  viewer: Viewer,
  query: ScorecardListQuery,
): Promise<{ rows: ScorecardListRow[]; total: number; page: number; pageSize: number }> {
  const scope = await distributorScopeSql(viewer, "d");
  const like = query.q ? `%${likeEscape(query.q)}%` : null;
  const where = Prisma.sql`s."periodKey" = ${query.periodKey} AND d."deletedAt" IS NULL AND ${scope}
    ${query.recommendation ? Prisma.sql`AND s.recommendation = ${query.recommendation}::"DistributorRecommendation"` : Prisma.empty}
    ${like ? Prisma.sql`AND (d.name ILIKE ${like} OR d.code ILIKE ${like})` : Prisma.empty}`;
  const order = Prisma.raw(
    ORDER[query.sort].replace("{dir}", query.dir === "desc" ? "DESC" : "ASC") + ", s.id ASC",
  );
  const [rows, count] = await Promise.all([
    db.$queryRaw<(Omit<RawRow, "distributor"> & { name: string; code: string; stage: string })[]>`
      SELECT s.id, s."distributorId", s.total, s.rank, s.recommendation::text AS recommendation, s.factors,
             s."reviewedAt", d.name, d.code, d.stage::text AS stage
      FROM "DistributorScorecard" s JOIN "Distributor" d ON d.id = s."distributorId"
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "DistributorScorecard" s JOIN "Distributor" d ON d.id = s."distributorId"
      WHERE ${where}`,
  ]);
  return {
    rows: rows.map((r) => toRow({ ...r, distributor: { name: r.name, code: r.code, stage: r.stage } })),
    total: count[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Periods with scorecards the viewer may see, newest first. */
export async function scorecardPeriods(viewer: Viewer): Promise<string[]> {
  const scope = await distributorScopeSql(viewer, "d");
  const rows = await db.$queryRaw<{ periodKey: string }[]>`
    SELECT DISTINCT s."periodKey" FROM "DistributorScorecard" s JOIN "Distributor" d ON d.id = s."distributorId"
    WHERE ${scope} ORDER BY s."periodKey" DESC`;
  return rows.map((r) => r.periodKey);
}

export type ScorecardDetail = ScorecardListRow & {
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  factors: ScorecardFactors;
  note: string | null;
  version: number;
  computedAt: Date;
  reviewedAt: Date | null;
  reviewerName: string | null;
  periodCount: number;
  canEdit: boolean;
};

/** One scorecard, or not found when its distributor is outside the viewer's scope. */
export async function getScorecard(viewer: Viewer, id: string): Promise<ScorecardDetail> {
  const s = await db.distributorScorecard.findUnique({
    where: { id },
    select: {
      id: true,
      distributorId: true,
      total: true,
      rank: true,
      recommendation: true,
      factors: true,
      reviewedAt: true,
      periodKey: true,
      periodStart: true,
      periodEnd: true,
      note: true,
      version: true,
      computedAt: true,
      reviewedById: true,
    },
  });
  if (!s) throw notFound("scorecard");
  await loadDistributorFor(viewer, s.distributorId, "read", { deleted: true });
  const distributor = await db.distributor.findUniqueOrThrow({
    where: { id: s.distributorId },
    select: { name: true, code: true, stage: true },
  });
  const canEdit = await loadDistributorFor(viewer, s.distributorId, "edit", { deleted: true }).then(
    () => true,
    () => false,
  );
  const [reviewer, periodCount] = await Promise.all([
    s.reviewedById ? db.user.findUnique({ where: { id: s.reviewedById }, select: { name: true } }) : null,
    db.distributorScorecard.count({ where: { periodKey: s.periodKey, total: { not: null } } }),
  ]);
  return {
    ...toRow({ ...s, distributor }),
    periodKey: s.periodKey,
    periodStart: fromDbDate(s.periodStart),
    periodEnd: fromDbDate(s.periodEnd),
    factors: s.factors as unknown as ScorecardFactors,
    note: s.note,
    version: s.version,
    computedAt: (s as { computedAt: Date }).computedAt,
    reviewedAt: s.reviewedAt,
    reviewerName: reviewer?.name ?? null,
    periodCount,
    canEdit,
  };
}
