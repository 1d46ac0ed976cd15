import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
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
import { mutate, type MutationContext } from "../audit";
import { distributorScopeWhere, loadDistributorFor } from "../distributors/scope";
import { updateVersioned } from "../versioning";
import { computeScorecards, type ComputedScorecard, type ScorecardFactors } from "./compute";
import { scorecardSettings } from "./settings";

// Saving a quarter's scorecards: computed from the figures, ranked across the whole quarter, then
// reviewed by a person (note, satisfaction, a recommendation other than the computed one). A
// recompute refreshes the figures and keeps the review.

/** Ranks every scorecard of the period (organisation-wide, 1, 1, 3 on ties) in one statement. */
async function rankPeriod(tx: Tx, periodKey: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "DistributorScorecard" s SET rank = r.rank
    FROM (
      SELECT id, CASE WHEN total IS NULL THEN NULL ELSE RANK() OVER (ORDER BY total DESC NULLS LAST) END AS rank
      FROM "DistributorScorecard" WHERE "periodKey" = ${periodKey}
    ) r
    WHERE s.id = r.id AND s.rank IS DISTINCT FROM r.rank::int`;
}

async function save(ctx: MutationContext, q: Quarter, computed: readonly ComputedScorecard[]): Promise<number> {
  const { tx } = ctx;
  const existing = new Map(
    (
      await tx.distributorScorecard.findMany({
        where: { periodKey: q.key, distributorId: { in: computed.map((c) => c.distributorId) } },
        select: { id: true, distributorId: true, factors: true, total: true, recommendation: true },
      })
    ).map((s) => [s.distributorId, s]),
  );
  const now = new Date();
  const fresh: Prisma.DistributorScorecardCreateManyInput[] = [];
  for (const c of computed) {
    const old = existing.get(c.distributorId);
    const override = (old?.factors as ScorecardFactors | undefined)?.override ?? null;
    const factors = { ...c.factors, override } as unknown as Prisma.InputJsonValue;
    const recommendation = override ?? c.recommendation;
    if (!old) {
      fresh.push({
        distributorId: c.distributorId,
        periodKey: q.key,
        periodStart: toDbDate(q.start),
        periodEnd: toDbDate(q.end),
        factors,
        total: c.total,
        recommendation,
        teamId: c.teamId,
        computedAt: now,
      });
      continue;
    }
    await tx.distributorScorecard.update({
      where: { id: old.id },
      data: { factors, total: c.total, recommendation, teamId: c.teamId, computedAt: now, version: { increment: 1 } },
    });
  }
  if (fresh.length) await tx.distributorScorecard.createMany({ data: fresh });
  await rankPeriod(tx, q.key);
  await ctx.auditMany(
    computed.map((c) => ({
      action: "distributorScorecard.compute",
      entity: "DistributorScorecard",
      entityId: `${c.distributorId}:${q.key}`,
      before: existing.get(c.distributorId) ?? null,
      after: { total: c.total, recommendation: c.recommendation },
    })),
  );
  return computed.length;
}

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
  const n = await mutate(viewer, (ctx) => save(ctx, q, computed), { timeoutMs: 120_000 });
  return { computed: n };
}

/** The quarterly job and the demo seed: every signed or suspended distributor, no viewer. */
export async function computeQuarterForAll(
  q: Quarter,
  opts: { now?: Date; tx?: Tx } = {},
): Promise<number> {
  const asOf = chinaDate(opts.now ?? new Date());
  if (opts.tx) {
    const tx = opts.tx;
    const computed = await computeScorecards({}, q, await scorecardSettings(tx), asOf, tx);
    let audited = 0;
    const ctx: MutationContext = {
      tx,
      audit: async () => {
        audited++;
      },
      auditMany: async (e) => {
        audited += e.length;
      },
    };
    return save(ctx, q, computed);
  }
  const computed = await computeScorecards({}, q, await scorecardSettings(), asOf, db);
  if (!computed.length) return 0;
  return mutate(null, (ctx) => save(ctx, q, computed), { timeoutMs: 120_000 });
}

/**
 * The review: the reviewer's note, the distributor's satisfaction (0–100, or cleared) and a
 * recommendation other than the computed one (or none to follow the figures). The total follows
 * the satisfaction; versioned and audited.
 */
export async function reviewScorecard(viewer: Viewer, input: ReviewScorecardInput): Promise<{ id: string }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.distributorScorecard.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("scorecard");
    await loadDistributorFor(viewer, before.distributorId, "edit", { tx, deleted: true });
    const f = before.factors as unknown as ScorecardFactors;
    const points = Object.fromEntries(
      SCORECARD_FACTORS.map((k) => [k, k === "satisfaction" ? input.satisfaction : (f[k]?.points ?? null)]),
    ) as FactorPoints;
    const { total, effectiveWeights } = scorecardTotal(points, f.weights);
    const computedRecommendation = recommend(total, f.thresholds);
    const override = input.recommendation && input.recommendation !== computedRecommendation ? input.recommendation : null;
    const factors: ScorecardFactors = {
      ...f,
      satisfaction: { points: input.satisfaction },
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
    await updateVersioned(tx.distributorScorecard, { where: { id: input.id }, version: input.version, data: after });
    if (total !== before.total) await rankPeriod(tx, before.periodKey);
    await audit({ action: "distributorScorecard.review", entity: "DistributorScorecard", entityId: input.id, before, after });
    return { id: input.id };
  });
}

