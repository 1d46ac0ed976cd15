import "server-only";
import { db, type Prisma } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import {
  compareCandidates,
  evaluateCandidate,
  isModelBalanced,
  type ComparisonRow,
  type CriterionScore,
} from "@/lib/domain/distributor-selection";
import { AppError, forbidden } from "@/lib/errors";
import type { EvaluationInput } from "@/lib/validation/distributor-scorecards";
import { mutate } from "../audit";
import { distributorScopeWhere, loadDistributorFor } from "../distributors/scope";
import { selectionCriteria, type CriterionRow } from "./settings";

// 经销商甄选: candidates (prospects, under evaluation, in negotiation) scored against the model;
// each evaluation freezes the criteria it used, and the latest total becomes the distributor's
// selection score.

export const CANDIDATE_STAGES = ["PROSPECT", "EVALUATION", "NEGOTIATION"] as const;
export const MAX_COMPARED = 4;

export type Candidate = {
  id: string;
  code: string;
  name: string;
  stage: (typeof CANDIDATE_STAGES)[number];
  selectionScore: number | null;
  evaluatedAt: Date | null;
};

/** The candidates the viewer sees, best scored first (unscored last). */
export async function listCandidates(viewer: Viewer): Promise<Candidate[]> {
  const scope = await distributorScopeWhere(viewer);
  const rows = await db.distributor.findMany({
    where: { AND: [scope, { deletedAt: null, stage: { in: [...CANDIDATE_STAGES] } }] },
    select: {
      id: true,
      code: true,
      name: true,
      stage: true,
      selectionScore: true,
      evaluations: {
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
    orderBy: [{ selectionScore: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    stage: r.stage as Candidate["stage"],
    selectionScore: r.selectionScore,
    evaluatedAt: r.evaluations[0]?.createdAt ?? null,
  }));
}

export type SavedEvaluation = {
  id: string;
  total: number;
  scores: CriterionScore[];
  note: string | null;
  createdAt: Date;
  evaluatorName: string | null;
};

const evaluationSelect = {
  id: true,
  total: true,
  scores: true,
  note: true,
  createdAt: true,
  evaluatorId: true,
} satisfies Prisma.DistributorEvaluationSelect;

async function withEvaluators(
  rows: {
    id: string;
    total: number;
    scores: Prisma.JsonValue;
    note: string | null;
    createdAt: Date;
    evaluatorId: string;
  }[],
): Promise<SavedEvaluation[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.evaluatorId))] } },
    select: { id: true, name: true },
  });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    total: r.total,
    scores: r.scores as unknown as CriterionScore[],
    note: r.note,
    createdAt: r.createdAt,
    evaluatorName: name.get(r.evaluatorId) ?? null,
  }));
}

/** What the evaluation page needs: the candidate, the model, and its past evaluations (newest first). */
export async function evaluationPage(viewer: Viewer, distributorId: string) {
  await loadDistributorFor(viewer, distributorId, "read");
  const canEdit = await loadDistributorFor(viewer, distributorId, "edit").then(
    () => true,
    () => false,
  );
  const [distributor, criteria, evaluations] = await Promise.all([
    db.distributor.findUniqueOrThrow({
      where: { id: distributorId },
      select: { id: true, code: true, name: true, stage: true, selectionScore: true },
    }),
    selectionCriteria(),
    db.distributorEvaluation.findMany({
      where: { distributorId, deletedAt: null },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: evaluationSelect,
    }),
  ]);
  const active = criteria.filter((c) => c.active);
  return {
    distributor,
    criteria: active,
    balanced: isModelBalanced(criteria),
    evaluations: await withEvaluators(evaluations),
    canEdit,
  };
}

/**
 * Scores a candidate against the model in force and saves it (with the criteria as they are
 * now); the total becomes Distributor.selectionScore. Refused while the model's weights do not
 * total 100.
 */
export async function saveEvaluation(
  viewer: Viewer,
  input: EvaluationInput,
): Promise<{ id: string; total: number }> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  return mutate(viewer, async ({ tx, audit }) => {
    await loadDistributorFor(viewer, input.distributorId, "edit", { tx });
    const criteria: CriterionRow[] = await selectionCriteria(tx);
    if (!isModelBalanced(criteria))
      throw new AppError("VALIDATION", "model unbalanced", {
        _form: ["distributorScorecards.errors.modelUnbalanced"],
      });
    const evaluation = evaluateCandidate(criteria, input.raws);
    const before = await tx.distributor.findUniqueOrThrow({
      where: { id: input.distributorId },
      select: { selectionScore: true },
    });
    const row = await tx.distributorEvaluation.create({
      data: {
        distributorId: input.distributorId,
        evaluatorId: viewer.id,
        scores: evaluation.scores as unknown as Prisma.InputJsonValue,
        total: evaluation.total,
        note: input.note,
      },
      select: { id: true },
    });
    await tx.distributor.update({
      where: { id: input.distributorId },
      data: { selectionScore: evaluation.total },
    });
    await audit({
      action: "distributor.evaluate",
      entity: "Distributor",
      entityId: input.distributorId,
      before,
      after: { selectionScore: evaluation.total, evaluationId: row.id, scores: evaluation.scores },
    });
    return { id: row.id, total: evaluation.total };
  });
}

export type Comparison = {
  candidates: (Candidate & { evaluation: SavedEvaluation | null })[];
  rows: ComparisonRow[];
  bestTotal: number[];
};

/** Side by side: the latest evaluation of 2–4 candidates the viewer sees (others are skipped). */
export async function compareEvaluations(viewer: Viewer, ids: readonly string[]): Promise<Comparison> {
  const wanted = [...new Set(ids)].slice(0, MAX_COMPARED);
  const scope = await distributorScopeWhere(viewer);
  const rows = await db.distributor.findMany({
    where: { AND: [scope, { id: { in: wanted }, deletedAt: null }] },
    select: {
      id: true,
      code: true,
      name: true,
      stage: true,
      selectionScore: true,
      evaluations: {
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: evaluationSelect,
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const evaluations = await withEvaluators(ordered.flatMap((r) => r.evaluations));
  const evalOf = new Map(evaluations.map((e) => [e.id, e]));
  const candidates = ordered.map((r) => {
    const e = r.evaluations[0] ? (evalOf.get(r.evaluations[0].id) ?? null) : null;
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      stage: r.stage as Candidate["stage"],
      selectionScore: r.selectionScore,
      evaluatedAt: e?.createdAt ?? null,
      evaluation: e,
    };
  });
  const { rows: cmp, bestTotal } = compareCandidates(
    candidates.map((c) => ({
      id: c.id,
      scores: c.evaluation?.scores ?? [],
      total: c.evaluation?.total ?? 0,
    })),
  );
  return {
    candidates,
    rows: cmp,
    bestTotal: bestTotal.filter((i) => candidates[i]?.evaluation),
  };
}
