import "server-only";
import { db, Prisma } from "@/lib/db";
import { addDays, chinaDayStart } from "@/lib/domain/calendar";
import { reachedByStage, weightedPipeline } from "@/lib/domain/kpi-drill";
import type { Period } from "@/lib/domain/kpi-period";
import type { DealStage } from "@/lib/domain/pipeline";
import { kpiScopeSql, type KpiScope } from "./scope";

type Num = number | bigint | null;
const n = (v: Num) => (v === null ? 0 : Number(v));

export type DealFigures = {
  /** Open deals now: how many, their expected value and weighted value (fen). */
  open: { count: number; value: number; weighted: number };
  /** Creation cohort of the period: deals created, how many reached each stage, how many won. */
  cohort: { created: number; reached: number[]; won: number };
  /** Deals closed in the period: won, closed (won + lost + terminated), won deals' mean days from creation. */
  closed: { won: number; closed: number; avgCycleDays: number | null };
};

/**
 * The pipeline figures of a scope: three grouped statements over Deal, each an index range
 * (status/closedAt, deletedAt/createdAt). Open deals are "now", not in the period.
 */
export async function dealFigures(scope: KpiScope, period: Period): Promise<DealFigures> {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const s = kpiScopeSql(scope, "d");
  const [open, cohort, closed] = await Promise.all([
    db.$queryRaw<{ stage: DealStage; probability: number | null; count: Num; value: Num }[]>`
      SELECT d.stage, d."closeProbability" AS probability, COUNT(*) AS count, SUM(d."expectedValue") AS value
      FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d.status = 'OPEN' AND ${s}
      GROUP BY d.stage, d."closeProbability"`,
    db.$queryRaw<{ furthestStage: DealStage; status: string; count: Num }[]>`
      SELECT d."furthestStage", d.status::text AS status, COUNT(*) AS count
      FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d."createdAt" >= ${from} AND d."createdAt" < ${until} AND ${s}
      GROUP BY d."furthestStage", d.status`,
    db.$queryRaw<{ won: Num; closed: Num; cycle: Num }[]>`
      SELECT COUNT(*) FILTER (WHERE d.status = 'WON') AS won, COUNT(*) AS closed,
             AVG(((d."closedAt" + interval '8 hours')::date - (d."createdAt" + interval '8 hours')::date))
               FILTER (WHERE d.status = 'WON') AS cycle
      FROM "Deal" d
      WHERE d."deletedAt" IS NULL AND d.status <> 'OPEN' AND d."closedAt" >= ${from} AND d."closedAt" < ${until}
        AND ${s}`,
  ]);
  const openRows = open.map((r) => ({
    stage: r.stage,
    closeProbability: r.probability,
    expectedValue: n(r.value),
    count: n(r.count),
  }));
  const cohortRows = cohort.map((r) => ({
    furthestStage: r.furthestStage,
    status: r.status,
    count: n(r.count),
  }));
  const c = closed[0];
  return {
    open: {
      count: openRows.reduce((a, r) => a + r.count, 0),
      value: openRows.reduce((a, r) => a + r.expectedValue, 0),
      weighted: weightedPipeline(openRows),
    },
    cohort: {
      created: cohortRows.reduce((a, r) => a + r.count, 0),
      reached: reachedByStage(cohortRows),
      won: cohortRows.filter((r) => r.status === "WON").reduce((a, r) => a + r.count, 0),
    },
    closed: {
      won: n(c?.won ?? 0),
      closed: n(c?.closed ?? 0),
      avgCycleDays: c?.cycle === null || c?.cycle === undefined ? null : Number(c.cycle),
    },
  };
}

/** The SQL condition for a drill-down's deal set (shared by the list and its count). */
export function dealSetSql(
  set: string,
  stage: DealStage | null,
  period: Period,
  staleBefore: Date,
): Prisma.Sql {
  const from = chinaDayStart(period.start);
  const until = chinaDayStart(addDays(period.end, 1));
  const created = Prisma.sql`d."createdAt" >= ${from} AND d."createdAt" < ${until}`;
  const closed = Prisma.sql`d.status <> 'OPEN' AND d."closedAt" >= ${from} AND d."closedAt" < ${until}`;
  switch (set) {
    case "won":
      return Prisma.sql`${created} AND d.status = 'WON'`;
    case "closed":
      return stage === null ? closed : Prisma.sql`${closed} AND d.stage = ${stage}::"DealStage"`;
    case "cycle":
      return Prisma.sql`${closed} AND d.status = 'WON'`;
    case "open":
      return stage === null
        ? Prisma.sql`d.status = 'OPEN'`
        : Prisma.sql`d.status = 'OPEN' AND d.stage = ${stage}::"DealStage"`;
    case "stuck":
      return Prisma.sql`d.status = 'OPEN' AND d."stageEnteredAt" < ${staleBefore}`;
    default: {
      // cohort: created in the period and reached the stage (or won).
      if (stage === null) return created;
      return Prisma.sql`${created} AND (d.status = 'WON' OR d."furthestStage" >= ${stage}::"DealStage")`;
    }
  }
}
