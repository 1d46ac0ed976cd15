import "server-only";
import { db, Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import {
  parseQuarterKey,
  recommend,
  scorecardTotal,
  SCORECARD_FACTORS,
  type FactorPoints,
  type Quarter,
} from "@/lib/domain/distributor-scorecard";
import { forbidden, notFound } from "@/lib/errors";
import type { ReviewScorecardInput } from "@/lib/validation/distributor-scorecards";
import { mutate } from "../audit";
import { distributorScopeWhere, loadDistributorFor } from "../distributors/scope";
import { updateVersioned } from "../versioning";
import {
  computeScorecards,
  rankPeriod,
  saveComputed,
  scorecardSettings,
  type ScorecardFactors,
} from "./compute";

// Saving a quarter's scorecards: computed from the figures, ranked across the whole quarter, then
// reviewed by a person (a note, a recommendation other than the computed one). A
// recompute refreshes the figures and keeps the review.

/**
 * Recomputes the quarter's scorecards of the distributors the viewer keeps (channel.write), then
 * re-ranks the quarter. Answers how many were computed.
 */
export async function recomputeScorecards(
  viewer: Viewer,
  periodKey: string,
  opts: { now?: Date } = {},
): Promise<{ computed: number }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  const q = parseQuarterKey(periodKey);
  if (!q) throw notFound("period");
  const [where, settings] = await Promise.all([distributorScopeWhere(viewer), scorecardSettings()]);
  const asOf = chinaDate(opts.now ?? new Date());
  const computed = await computeScorecards(where, q, settings, asOf);
  if (!computed.length) return { computed: 0 };
  const n = await mutate(viewer, (ctx) => saveComputed(ctx, q, computed), { timeoutMs: 120_000 });
  return { computed: n };
}

/** The quarterly job: every signed or suspended distributor, no viewer, audited as the system. */
export async function computeQuarterForAll(q: Quarter, opts: { now?: Date } = {}): Promise<number> {
  const asOf = chinaDate(opts.now ?? new Date());
  const computed = await computeScorecards({}, q, await scorecardSettings(), asOf, db);
  if (!computed.length) return 0;
  return mutate(null, (ctx) => saveComputed(ctx, q, computed), { timeoutMs: 120_000 });
}

/**
 * The review: the reviewer's note and a recommendation other than the computed one (or none to
 * follow the figures). Every factor, satisfaction included (the quarter's survey answers), is
 * measured, not typed in; versioned and audited.
 */
export async function reviewScorecard(viewer: Viewer, input: ReviewScorecardInput): Promise<{ id: string }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.distributorScorecard.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("scorecard");
    await loadDistributorFor(viewer, before.distributorId, "edit", { tx, deleted: true });
    const f = before.factors as unknown as ScorecardFactors;
    const points = Object.fromEntries(
      SCORECARD_FACTORS.map((k) => [k, f[k]?.points ?? null]),
    ) as FactorPoints;
    const { total, effectiveWeights } = scorecardTotal(points, f.weights);
    const computedRecommendation = recommend(total, f.thresholds);
    const override =
      input.recommendation && input.recommendation !== computedRecommendation ? input.recommendation : null;
    const factors: ScorecardFactors = {
      ...f,
      effectiveWeights,
      computedRecommendation,
      override,
    };
    const after = {
      factors: factors as unknown as Prisma.InputJsonValue,
      total,
      recommendation: override ?? computedRecommendation,
      note: input.note,
      reviewedById: viewer.id,
      reviewedAt: new Date(),
    };
    await updateVersioned(tx.distributorScorecard, {
      where: { id: input.id },
      version: input.version,
      data: after,
    });
    if (total !== before.total) await rankPeriod(tx, before.periodKey);
    await audit({
      action: "distributorScorecard.review",
      entity: "DistributorScorecard",
      entityId: input.id,
      before,
      after,
    });
    return { id: input.id };
  });
}
