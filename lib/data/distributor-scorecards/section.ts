import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { Recommendation } from "@/lib/domain/distributor-scorecard";
import { readBesideCheck } from "../distributors/scope";
import type { ScorecardFactors } from "./compute";

export type ScorecardSectionData = {
  latest: {
    id: string;
    periodKey: string;
    total: number | null;
    rank: number | null;
    recommendation: Recommendation | null;
    factors: ScorecardFactors;
  } | null;
  /** Up to the last eight quarters, oldest first. */
  trend: { id: string; periodKey: string; total: number | null; recommendation: Recommendation | null }[];
  selection: { total: number; at: Date } | null;
};

/**
 * The distributor page's scorecard section: the latest quarter's factors, the trend of totals,
 * and the latest selection evaluation. Not found when the viewer may not see the distributor.
 */
export async function loadScorecardSection(
  viewer: Viewer,
  distributorId: string,
): Promise<ScorecardSectionData> {
  const [, [cards, evaluation]] = await readBesideCheck(
    viewer,
    distributorId,
    () =>
      Promise.all([
        db.distributorScorecard.findMany({
          where: { distributorId },
          orderBy: { periodKey: "desc" },
          take: 8,
          select: { id: true, periodKey: true, total: true, rank: true, recommendation: true, factors: true },
        }),
        db.distributorEvaluation.findFirst({
          where: { distributorId, deletedAt: null },
          orderBy: { createdAt: "desc" },
          select: { total: true, createdAt: true },
        }),
      ]),
    { deleted: true },
  );
  const latest = cards[0];
  return {
    latest: latest ? { ...latest, factors: latest.factors as unknown as ScorecardFactors } : null,
    trend: cards
      .map((c) => ({ id: c.id, periodKey: c.periodKey, total: c.total, recommendation: c.recommendation }))
      .reverse(),
    selection: evaluation ? { total: evaluation.total, at: evaluation.createdAt } : null,
  };
}
