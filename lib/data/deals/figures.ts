import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import {
  DEAL_STAGES,
  figuresFromTotals,
  type DealStage,
  type DealStatus,
  type PipelineTotals,
} from "@/lib/domain/pipeline";
import type { BoardFilters } from "@/lib/validation/deals";
import { chinaDate } from "@/lib/domain/calendar";
import { boardClosedSince, boardDealsSql, PROBABILITY_SQL } from "./board";
import { cachedPipelineSettings } from "./settings";

// 漏斗指标: conversion, win rate, days per stage, weighted value and stuck deals over the board's deals.

const DAY = 86_400_000;

/** The figures count deals terminated in the window too (a conversion that ended), not only won/lost. */
const CLOSED: readonly DealStatus[] = ["WON", "LOST", "TERMINATED"];

type TotalsRow = Omit<PipelineTotals, "stays"> & {
  dealCount: number;
  stays: { stage: DealStage; days: number; n: number }[];
};

/**
 * Pipeline figures (conversion, win rate, days per stage, weighted value, stuck deals) over the
 * deals on the board for these filters: open ones, and those closed in the last BOARD_CLOSED_DAYS.
 * One statement adds up what the figures need in the database (pipelineTotals in lib/domain is the
 * rule, and an integration test holds the two together): the deals are found as the board finds
 * them, their stage changes through the (dealId, createdAt) index, each stay's end is the next
 * change (lead), and one row comes back.
 */
export async function getPipelineFigures(
  viewer: Viewer,
  filters: Partial<BoardFilters> = {},
  now = new Date(),
) {
  const closedSince = boardClosedSince(now);
  const settings = await cachedPipelineSettings();
  // Stale: more than staleDays whole days in the stage, i.e. entered at least staleDays + 1 days ago.
  const staleBefore = new Date(now.getTime() - (settings.staleDays + 1) * DAY);
  const reached = DEAL_STAGES.map(
    (s) => Prisma.sql`count(*) FILTER (WHERE x.furthest >= ${s}::"DealStage")::int`,
  );
  const [row] = await db.$queryRaw<TotalsRow[]>`
    WITH m AS (${boardDealsSql(viewer, filters, closedSince, {
      closedStatuses: CLOSED,
      figures: true,
    })}),
    t AS (
      SELECT s."dealId", s."toStage", s."toStatus", s."createdAt",
        lead(s."createdAt") OVER (PARTITION BY s."dealId" ORDER BY s."createdAt", s.id) AS "leftAt"
      FROM "DealStageChange" s WHERE s."dealId" = ANY(ARRAY(SELECT m.id FROM m))
    ),
    stays AS (
      SELECT t."toStage" AS stage, count(*)::int AS n,
        sum(greatest(0, floor(extract(epoch FROM t."leftAt" - t."createdAt") / 86400)))::int AS days
      FROM t WHERE t."toStatus" = 'OPEN' AND t."leftAt" IS NOT NULL
      GROUP BY t."toStage"
    ),
    x AS (
      SELECT m.*, greatest(m.stage, r.top) AS furthest
      FROM m LEFT JOIN (SELECT t."dealId", max(t."toStage") AS top FROM t GROUP BY t."dealId") r
        ON r."dealId" = m.id
    )
    SELECT count(*)::int AS "dealCount",
      ARRAY[${Prisma.join(reached)}] AS reached,
      count(*) FILTER (WHERE x.status = 'WON')::int AS won,
      count(*) FILTER (WHERE x.status = 'LOST')::int AS lost,
      count(*) FILTER (WHERE x.status = 'OPEN')::int AS "openCount",
      (coalesce(sum(x."expectedValue") FILTER (WHERE x.status = 'OPEN'), 0) / 100.0)::float8 AS "openValue",
      (coalesce(sum(x."expectedValue" * ${PROBABILITY_SQL}) FILTER (WHERE x.status = 'OPEN'), 0)
        / 10000.0)::float8 AS "weightedValue",
      count(*) FILTER (WHERE x.status = 'OPEN' AND x."stageEnteredAt" <= ${staleBefore})::int AS stuck,
      -- Overdue: the expected close date (a calendar day) is before today in China (isOverdue).
      count(*) FILTER (WHERE x.status = 'OPEN' AND x."expectedCloseDate" < ${chinaDate(now)}::date)::int
        AS overdue,
      (SELECT coalesce(json_agg(stays), '[]'::json) FROM stays) AS stays
    FROM x`;
  const { dealCount, stays, ...totals } = row!;
  const byStage = Object.fromEntries(
    DEAL_STAGES.map((s) => [s, { days: 0, n: 0 }]),
  ) as PipelineTotals["stays"];
  for (const s of stays) byStage[s.stage] = { days: s.days, n: s.n };
  return { figures: figuresFromTotals({ ...totals, stays: byStage }), closedSince, dealCount };
}
