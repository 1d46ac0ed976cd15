// Demo channel data: the selection model and evaluations of the candidates, the last four
// quarters' scorecards (ranked, with recommendations) of the signed and suspended distributors,
// reviewed but for the latest. Runs after the sales, receivables, conflicts and distributor survey
// seeds (see prisma/seed.ts) and computes from whatever they left — with none, the scorecards
// still exist, measured on what there is. Deterministic (its own seededRandom, fixed ids), dated
// relative to `now`.
import type { Prisma } from "@/lib/db";
import { chinaDate } from "@/lib/domain/calendar";
import {
  DEFAULT_SCORECARD_WEIGHTS,
  previousQuarter,
  quarterOf,
  type Quarter,
} from "@/lib/domain/distributor-scorecard";
import { evaluateCandidate, RECOMMENDED_CRITERIA } from "@/lib/domain/distributor-selection";
import { seededRandom } from "@/lib/domain/random";
import { computeQuarterInTx } from "@/lib/data/distributor-scorecards/compute";

type Tx = Prisma.TransactionClient;

const NOTES = [
  "资金实力较强，终端网络覆盖良好",
  "团队经验丰富，但回款周期偏长",
  "与我司产品线匹配度高，建议进入洽谈",
  "区域口碑一般，需进一步考察",
];

export async function seedDemoDistributorScorecards(
  tx: Tx,
  args: { now?: Date } = {},
): Promise<Record<string, number>> {
  const now = args.now ?? new Date();
  const r = seededRandom(1405);
  await tx.channelSettings.upsert({
    where: { id: "default" },
    create: { id: "default", scorecardWeights: DEFAULT_SCORECARD_WEIGHTS },
    update: {},
  });
  // The channels migration inserts the default model; a database without it gets the same rows.
  if (!(await tx.selectionCriterion.count({ where: { deletedAt: null } }))) {
    await tx.selectionCriterion.createMany({
      data: RECOMMENDED_CRITERIA.map((c, i) => ({ ...c, id: `crit_${c.key}`, sortOrder: i + 1 })),
    });
  }
  const criteria = await tx.selectionCriterion.findMany({
    where: { deletedAt: null, active: true },
    orderBy: { sortOrder: "asc" },
  });

  // Candidates under evaluation or in negotiation are scored (some twice: the score moved); a
  // few prospects too.
  const candidates = await tx.distributor.findMany({
    where: { deletedAt: null, stage: { in: ["PROSPECT", "EVALUATION", "NEGOTIATION"] } },
    select: { id: true, stage: true, ownerId: true, employees: true },
    orderBy: { id: "asc" },
  });
  let evaluations = 0;
  for (const [i, d] of candidates.entries()) {
    if (d.stage === "PROSPECT" && i % 2 === 1) continue;
    const rounds = d.stage === "NEGOTIATION" ? 2 : 1;
    let total = 0;
    for (let k = 0; k < rounds; k++) {
      const raws = {
        capital: r.int(80, 4_500),
        network: r.int(3, 180),
        salesTeam: d.employees ? Math.min(80, Math.round(d.employees / 3)) : r.int(2, 70),
        reputation: r.int(45, 95),
        productFit: r.int(40, 98),
        paymentTerms: r.pick([0, 15, 30, 45, 60, 90]),
      };
      const e = evaluateCandidate(criteria, raws);
      total = e.total;
      await tx.distributorEvaluation.create({
        data: {
          id: `dev_${d.id}_${k + 1}`,
          distributorId: d.id,
          evaluatorId: d.ownerId,
          scores: e.scores as unknown as Prisma.InputJsonValue,
          total: e.total,
          note: r.pick(NOTES),
          createdAt: new Date(now.getTime() - (rounds - k) * r.int(10, 40) * 86_400_000),
        },
      });
      evaluations++;
    }
    await tx.distributor.update({ where: { id: d.id }, data: { selectionScore: total } });
  }

  // The last four whole quarters, oldest first (growth reads the year before from the rollups).
  const quarters: Quarter[] = [];
  let q = previousQuarter(quarterOf(chinaDate(now)));
  for (let k = 0; k < 4; k++, q = previousQuarter(q)) quarters.unshift(q);
  const asOf = chinaDate(now);
  let scorecards = 0;
  for (const [k, quarter] of quarters.entries()) {
    await computeQuarterInTx(tx, quarter, asOf);
    // The channel managers reviewed all but the latest quarter, which still waits for its review.
    if (k < quarters.length - 1) {
      const cards = await tx.distributorScorecard.findMany({
        where: { periodKey: quarter.key },
        select: { id: true, distributorId: true },
        orderBy: { distributorId: "asc" },
      });
      const ownerOf = new Map(
        (
          await tx.distributor.findMany({
            where: { id: { in: cards.map((c) => c.distributorId) } },
            select: { id: true, ownerId: true },
          })
        ).map((d) => [d.id, d.ownerId]),
      );
      for (const c of cards)
        await tx.distributorScorecard.update({
          where: { id: c.id },
          data: {
            reviewedById: ownerOf.get(c.distributorId)!,
            reviewedAt: new Date(`${quarter.end}T08:00:00Z`),
            note: r.next() < 0.3 ? "季度复盘已与经销商沟通" : null,
          },
        });
    }
    scorecards += await tx.distributorScorecard.count({ where: { periodKey: quarter.key } });
  }
  return {
    selectionCriteria: criteria.length,
    distributorEvaluations: evaluations,
    distributorScorecards: scorecards,
  };
}
