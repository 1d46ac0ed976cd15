import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { pipelineFigures, stageNumber, type DealStage, type DealStatus } from "@/lib/domain/pipeline";
import type { BoardFilters } from "@/lib/validation/deals";
import { accountFilter, boardClosedSince, dealFilter } from "./board";
import { cachedPipelineSettings } from "./settings";

/**
 * Pipeline figures (conversion, win rate, days per stage, weighted value, stuck deals) over the
 * deals on the board for these filters: open ones, and those closed in the last BOARD_CLOSED_DAYS.
 */
export async function getPipelineFigures(
  viewer: Viewer,
  filters: Partial<BoardFilters> = {},
  now = new Date(),
) {
  const closedSince = boardClosedSince(now);
  const settings = await cachedPipelineSettings();
  const rows = await db.$queryRaw<
    {
      id: string;
      stage: DealStage;
      status: DealStatus;
      expectedValue: bigint;
      closeProbability: number | null;
      stageEnteredAt: Date;
      history: { fromStage: DealStage | null; toStage: DealStage; toStatus: DealStatus; createdAt: string }[];
    }[]
  >`
    SELECT d.id, d.stage, d.status, d."expectedValue", d."closeProbability", d."stageEnteredAt",
      coalesce(h.history, '[]'::json) AS history
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('fromStage', s."fromStage", 'toStage', s."toStage",
        'toStatus', s."toStatus", 'createdAt', s."createdAt") ORDER BY s."createdAt") AS history
      FROM "DealStageChange" s WHERE s."dealId" = d.id
    ) h ON true
    WHERE ${dealFilter(viewer, filters)} AND ${accountFilter(filters)}
      AND (d.status = 'OPEN' OR (d.status <> 'OPEN' AND d."closedAt" >= ${closedSince}))`;
  const deals = rows.map((r) => {
    const history = r.history.map((h) => ({ ...h, createdAt: new Date(h.createdAt) }));
    const furthest = history.reduce<DealStage>(
      (max, h) => (stageNumber(h.toStage) > stageNumber(max) ? h.toStage : max),
      r.stage,
    );
    return {
      stage: r.stage,
      status: r.status,
      expectedValue: Number(r.expectedValue) / 100,
      closeProbability: r.closeProbability,
      stageEnteredAt: r.stageEnteredAt,
      furthestStage: furthest,
      history,
    };
  });
  return { figures: pipelineFigures(deals, now, settings), closedSince, dealCount: deals.length };
}
