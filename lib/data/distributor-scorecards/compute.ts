// No "server-only" here: the demo seed runs this under plain Node (as lib/data/health/health-sql.ts).
import { db, Prisma, type Tx } from "@/lib/db";
import { addDays, chinaDayStart, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import {
  DEFAULT_SCORECARD_WEIGHTS,
  readWeights,
  weightSum,
  type ScorecardWeights,
  type Thresholds,
  achievementPoints,
  conflictPoints,
  growthPoints,
  inventoryHealth,
  paymentTimeliness,
  quarterMonths,
  recommend,
  sameQuarterLastYear,
  satisfactionPoints,
  scorecardTotal,
  type ConflictOutcome,
  type DueInvoice,
  type FactorPoints,
  type Quarter,
  type Recommendation,
} from "@/lib/domain/distributor-scorecard";
import { csatPercent, netPromoterScore } from "@/lib/domain/satisfaction";
import type { MutationContext } from "../audit";

// Measures a quarter for many distributors in five grouped queries (rollups, agreements,
// invoices with their payments, conflict cases, the quarter's survey answers) — never one query
// per distributor and never the sales lines: ChannelMonthRollup holds sell-in/out per month.

type Client = Tx | typeof db;

export type ScorecardSettings = Thresholds & {
  weights: ScorecardWeights;
  healthyStockMonths: number;
  version: number;
};

const DEFAULTS: ScorecardSettings = {
  weights: DEFAULT_SCORECARD_WEIGHTS,
  upgradeAt: 85,
  keepAt: 65,
  warnAt: 45,
  healthyStockMonths: 3,
  version: 0, // no row yet: the first save creates it
};

/** The settings in force (the defaults until an administrator saves them). */
export async function scorecardSettings(client: Client = db): Promise<ScorecardSettings> {
  const row = await client.channelSettings.findUnique({ where: { id: "default" } });
  if (!row) return DEFAULTS;
  const weights = readWeights(row.scorecardWeights);
  return {
    weights: weightSum(weights) > 0 ? weights : DEFAULT_SCORECARD_WEIGHTS,
    upgradeAt: row.upgradeAt,
    keepAt: row.keepAt,
    warnAt: row.warnAt,
    healthyStockMonths: row.healthyStockMonths,
    version: row.version,
  };
}

/** What a scorecard keeps in its `factors` column (money as strings: JSON has no BigInt). */
export type ScorecardFactors = {
  achievement: { points: number | null; sellIn: string; target: string | null };
  growth: { points: number | null; sellIn: string; lastYear: string | null };
  paymentTimeliness: { points: number | null; due: number; onTime: number; averageDaysLate: number | null };
  conflicts: { points: number | null; open: number; outcomes: ConflictOutcome[] };
  inventory: {
    points: number | null;
    months: number | null;
    stock: string;
    monthlySellOut: string;
    healthyMonths: number;
  };
  // The quarter's answers to the distributor's surveys (渠道满意度调研): the index, CSAT %, NPS and
  // how many answered (older scorecards hold only the points a reviewer typed).
  satisfaction: { points: number | null; answers?: number; csat?: number | null; nps?: number | null };
  weights: ScorecardSettings["weights"];
  effectiveWeights: Record<keyof FactorPoints, number>;
  computedRecommendation: Recommendation | null;
  // The reviewer's recommendation when it differs from the computed one (kept by a recompute).
  override?: Recommendation | null;
  thresholds: { upgradeAt: number; keepAt: number; warnAt: number };
  asOf: IsoDate;
};

export type ComputedScorecard = {
  distributorId: string;
  teamId: string;
  factors: ScorecardFactors;
  total: number | null;
  recommendation: Recommendation | null;
};

type Target = {
  distributorId: string;
  startsOn: Date;
  endsOn: Date;
  number: number;
  quarterlyTargets: bigint[];
};

/** The quarterly target of the agreement version in force in the quarter (the highest version overlapping it). */
function targetFor(targets: readonly Target[], q: Quarter): bigint | null {
  let best: Target | null = null;
  for (const t of targets) {
    const starts = fromDbDate(t.startsOn);
    if (starts > q.end || fromDbDate(t.endsOn) < q.start) continue;
    if (!best || t.number > best.number || t.startsOn > best.startsOn) best = t;
  }
  if (!best) return null;
  const s = fromDbDate(best.startsOn);
  const index = Math.floor(
    ((Number(q.start.slice(0, 4)) - Number(s.slice(0, 4))) * 12 +
      Number(q.start.slice(5, 7)) -
      Number(s.slice(5, 7))) /
      3,
  );
  return best.quarterlyTargets[index] ?? null;
}

/** The day an invoice was paid in full: the payment that brought the allocations up to its amount. */
function paidOn(inv: {
  amount: bigint;
  allocations: { amount: bigint; payment: { receivedOn: Date } }[];
}): IsoDate | null {
  let sum = 0n;
  const sorted = [...inv.allocations].sort(
    (a, b) => a.payment.receivedOn.getTime() - b.payment.receivedOn.getTime(),
  );
  for (const a of sorted) {
    sum += a.amount;
    if (sum >= inv.amount) return fromDbDate(a.payment.receivedOn);
  }
  return null;
}

/**
 * Computes the quarter's scorecards of the distributors matching `where` (the caller's scope).
 * `asOf` (a China date) bounds lateness for a quarter still running; satisfaction comes from the
 * saved scorecard's review.
 */
export async function computeScorecards(
  where: Prisma.DistributorWhereInput,
  q: Quarter,
  settings: ScorecardSettings,
  asOf: IsoDate,
  client: Client = db,
): Promise<ComputedScorecard[]> {
  const distributors = await client.distributor.findMany({
    where: { AND: [where, { deletedAt: null, stage: { in: ["SIGNED", "SUSPENDED"] } }] },
    select: { id: true, teamId: true },
    orderBy: { id: "asc" },
  });
  if (!distributors.length) return [];
  const ids = distributors.map((d) => d.id);
  const months = quarterMonths(q);
  const ly = sameQuarterLastYear(q);
  const qStart = toDbDate(months[0]!);
  const qLast = toDbDate(months[2]!);
  const lyStart = toDbDate(quarterMonths(ly)[0]!);
  const lyLast = toDbDate(quarterMonths(ly)[2]!);
  const end = toDbDate(q.end);
  const until = toDbDate(asOf < q.end ? asOf : q.end);
  // The last instant of the quarter's last China day.
  const quarterEndInstant = new Date(chinaDayStart(addDays(q.end, 1)).getTime() - 1);

  const [rollups, agreements, invoices, conflicts, answers] = await Promise.all([
    client.$queryRaw<
      {
        distributorId: string;
        sellIn: bigint;
        sellOut: bigint;
        lastYear: bigint | null;
        stock: bigint;
        active: boolean;
      }[]
    >`
      SELECT r."distributorId",
             COALESCE(SUM(r."sellInAmount") FILTER (WHERE r.month >= ${qStart} AND r.month <= ${qLast}), 0)::bigint AS "sellIn",
             COALESCE(SUM(r."sellOutAmount") FILTER (WHERE r.month >= ${qStart} AND r.month <= ${qLast}), 0)::bigint AS "sellOut",
             SUM(r."sellInAmount") FILTER (WHERE r.month >= ${lyStart} AND r.month <= ${lyLast})::bigint AS "lastYear",
             COALESCE(SUM(r."sellInAmount" - r."sellOutAmount"), 0)::bigint AS stock,
             BOOL_OR(r.month >= ${qStart} AND (r."sellInAmount" <> 0 OR r."sellOutAmount" <> 0)) AS active
      FROM "ChannelMonthRollup" r
      WHERE r."distributorId" = ANY(${ids}::text[]) AND r.month <= ${qLast}
      GROUP BY r."distributorId"`,
    client.channelAgreementVersion.findMany({
      where: {
        agreement: { distributorId: { in: ids }, deletedAt: null, status: { not: "DRAFT" } },
        startsOn: { lte: end },
        endsOn: { gte: qStart },
      },
      select: {
        startsOn: true,
        endsOn: true,
        number: true,
        quarterlyTargets: true,
        agreement: { select: { distributorId: true } },
      },
    }),
    client.channelInvoice.findMany({
      where: {
        distributorId: { in: ids },
        deletedAt: null,
        status: { not: "VOID" },
        dueOn: { gte: qStart, lte: end },
      },
      select: {
        distributorId: true,
        dueOn: true,
        amount: true,
        allocations: { select: { amount: true, payment: { select: { receivedOn: true } } } },
      },
    }),
    client.channelConflict.findMany({
      where: {
        distributorId: { in: ids },
        deletedAt: null,
        createdAt: { lte: quarterEndInstant },
        OR: [{ resolvedAt: null }, { resolvedAt: { gte: chinaDayStart(q.start) } }],
      },
      select: { distributorId: true, status: true, outcome: true, resolvedAt: true },
    }),
    // Answers submitted in the quarter (China days) to surveys not deleted.
    client.$queryRaw<
      {
        distributorId: string;
        responses: number;
        csatAnswers: number;
        satisfied: number;
        promoters: number;
        passives: number;
        detractors: number;
      }[]
    >`
      SELECT r."distributorId", COUNT(*)::int AS responses,
             COUNT(r.csat)::int AS "csatAnswers",
             COUNT(*) FILTER (WHERE r.csat >= 4)::int AS satisfied,
             COUNT(*) FILTER (WHERE r.nps >= 9)::int AS promoters,
             COUNT(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int AS passives,
             COUNT(*) FILTER (WHERE r.nps <= 6)::int AS detractors
      FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId"
      WHERE r."distributorId" = ANY(${ids}::text[]) AND s."deletedAt" IS NULL
        AND r."submittedAt" >= ${chinaDayStart(q.start)} AND r."submittedAt" <= ${quarterEndInstant}
      GROUP BY r."distributorId"`,
  ]);

  const byId = <T extends { distributorId: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.distributorId, [...(m.get(r.distributorId) ?? []), r]);
    return m;
  };
  const rollupOf = new Map(rollups.map((r) => [r.distributorId, r]));
  const targetsOf = byId(agreements.map((v) => ({ ...v, distributorId: v.agreement.distributorId })));
  const invoicesOf = byId(invoices);
  const conflictsOf = byId(conflicts);
  const answersOf = new Map(answers.map((a) => [a.distributorId, a]));

  return distributors.map((d) => {
    const r = rollupOf.get(d.id);
    const sellIn = r?.sellIn ?? 0n;
    const sellOut = r?.sellOut ?? 0n;
    const target = targetFor(targetsOf.get(d.id) ?? [], q);
    const due: DueInvoice[] = (invoicesOf.get(d.id) ?? []).map((i) => ({
      dueOn: fromDbDate(i.dueOn),
      paidOn: paidOn(i),
    }));
    const pay = paymentTimeliness(due, fromDbDate(until));
    const cases = conflictsOf.get(d.id) ?? [];
    const open = cases.filter((c) => c.resolvedAt === null || c.resolvedAt > quarterEndInstant).length;
    const outcomes = cases
      .filter((c) => c.resolvedAt !== null && c.resolvedAt <= quarterEndInstant && c.outcome !== null)
      .map((c) => c.outcome as ConflictOutcome);
    // Conflicts are measured only for a distributor that traded or had a case in the quarter:
    // a quiet quarter is not a perfect one.
    const measuredConflicts = Boolean(r?.active) || cases.length > 0;
    const monthlySellOut = sellOut / 3n;
    const inv = inventoryHealth(r?.stock ?? 0n, monthlySellOut, settings.healthyStockMonths);
    const said = answersOf.get(d.id);
    const satisfaction = said ? satisfactionPoints(said) : null;
    const points: FactorPoints = {
      achievement: achievementPoints(sellIn, target),
      growth: growthPoints(sellIn, r?.lastYear ?? null),
      paymentTimeliness: pay.points,
      conflicts: measuredConflicts ? conflictPoints(open, outcomes) : null,
      inventory: inv.points,
      satisfaction,
    };
    const { total, effectiveWeights } = scorecardTotal(points, settings.weights);
    const recommendation = recommend(total, settings);
    return {
      distributorId: d.id,
      teamId: d.teamId,
      total,
      recommendation,
      factors: {
        achievement: {
          points: points.achievement,
          sellIn: String(sellIn),
          target: target === null ? null : String(target),
        },
        growth: {
          points: points.growth,
          sellIn: String(sellIn),
          lastYear: r?.lastYear == null ? null : String(r.lastYear),
        },
        paymentTimeliness: {
          points: pay.points,
          due: pay.due,
          onTime: pay.onTime,
          averageDaysLate: pay.averageDaysLate,
        },
        conflicts: { points: points.conflicts, open, outcomes },
        inventory: {
          points: inv.points,
          months: inv.months,
          stock: String(r?.stock ?? 0n),
          monthlySellOut: String(monthlySellOut),
          healthyMonths: settings.healthyStockMonths,
        },
        satisfaction: {
          points: satisfaction,
          answers: said?.responses ?? 0,
          csat: said ? csatPercent(said.satisfied, said.csatAnswers) : null,
          nps: said ? netPromoterScore(said) : null,
        },
        weights: settings.weights,
        effectiveWeights,
        computedRecommendation: recommendation,
        thresholds: { upgradeAt: settings.upgradeAt, keepAt: settings.keepAt, warnAt: settings.warnAt },
        asOf: fromDbDate(until),
      },
    };
  });
}

/** Ranks every scorecard of the period (organisation-wide, 1, 1, 3 on ties) in one statement. */
export async function rankPeriod(tx: Tx, periodKey: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "DistributorScorecard" s SET rank = r.rank
    FROM (
      SELECT id, CASE WHEN total IS NULL THEN NULL ELSE RANK() OVER (ORDER BY total DESC NULLS LAST) END AS rank
      FROM "DistributorScorecard" WHERE "periodKey" = ${periodKey}
    ) r
    WHERE s.id = r.id AND s.rank IS DISTINCT FROM r.rank::int`;
}

export async function saveComputed(
  ctx: MutationContext,
  q: Quarter,
  computed: readonly ComputedScorecard[],
): Promise<number> {
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
      data: {
        factors,
        total: c.total,
        recommendation,
        teamId: c.teamId,
        computedAt: now,
        version: { increment: 1 },
      },
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

/** The demo seed's path: compute and save a quarter inside its transaction (the seed writes the audit trail itself). */
export async function computeQuarterInTx(tx: Tx, q: Quarter, asOf: IsoDate): Promise<number> {
  const computed = await computeScorecards({}, q, await scorecardSettings(tx), asOf, tx);
  const ctx: MutationContext = { tx, audit: async () => {}, auditMany: async () => {} };
  return saveComputed(ctx, q, computed);
}
