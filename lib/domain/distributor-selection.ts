// 经销商甄选: the administrator's evaluation model and the scoring of a candidate against it.
// Qualitative criteria (定性) are scored 0–100 by judgement; quantitative ones (定量) map a measured
// value linearly from `worst` (0 points) to `best` (100 points), clamped, so "best" may be lower
// than "worst" (e.g. payment days: fewer is better).

export type CriterionKind = "QUALITATIVE" | "QUANTITATIVE";

export type SelectionCriterion = {
  id: string;
  key: string;
  name: string;
  nameEn: string;
  kind: CriterionKind;
  weight: number; // percent
  unit: string | null;
  worst: number | null;
  best: number | null;
  active: boolean;
};

/** One criterion as scored, frozen into the evaluation so a later model change leaves it readable. */
export type CriterionScore = {
  key: string;
  name: string;
  nameEn: string;
  kind: CriterionKind;
  weight: number;
  unit: string | null;
  raw: number | null; // the judgement (0–100) or the measured value
  points: number | null; // 0–100, null when not scored
};

export type Evaluation = { scores: CriterionScore[]; total: number; complete: boolean };

export const WEIGHT_TOTAL = 100;

/** The weights of the active criteria add up to 100 (the model is usable only then). */
export function modelWeightTotal(criteria: readonly Pick<SelectionCriterion, "weight" | "active">[]): number {
  return criteria.filter((c) => c.active).reduce((sum, c) => sum + c.weight, 0);
}

export function isModelBalanced(criteria: readonly Pick<SelectionCriterion, "weight" | "active">[]): boolean {
  return modelWeightTotal(criteria) === WEIGHT_TOTAL;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Points (0–100) for a raw value; null when there is no value or the criterion cannot map it. */
export function criterionPoints(
  c: Pick<SelectionCriterion, "kind" | "worst" | "best">,
  raw: number | null,
): number | null {
  if (raw === null || !Number.isFinite(raw)) return null;
  if (c.kind === "QUALITATIVE") return clamp(raw, 0, 100);
  if (c.worst === null || c.best === null || c.worst === c.best) return null;
  return clamp(((raw - c.worst) / (c.best - c.worst)) * 100, 0, 100);
}

/**
 * Scores a candidate: every active criterion's points × weight / 100, rounded once at the end.
 * An unscored criterion counts 0 points (a candidate is not rewarded for what nobody measured) and
 * marks the evaluation incomplete.
 */
export function evaluateCandidate(
  criteria: readonly SelectionCriterion[],
  raws: Readonly<Record<string, number | null | undefined>>,
): Evaluation {
  const scores = criteria
    .filter((c) => c.active)
    .map((c): CriterionScore => {
      const raw = raws[c.key] ?? null;
      return {
        key: c.key,
        name: c.name,
        nameEn: c.nameEn,
        kind: c.kind,
        weight: c.weight,
        unit: c.unit,
        raw,
        points: criterionPoints(c, raw),
      };
    });
  const weighted = scores.reduce((sum, s) => sum + ((s.points ?? 0) * s.weight) / WEIGHT_TOTAL, 0);
  return {
    scores,
    total: Math.round(clamp(weighted, 0, 100)),
    complete: scores.every((s) => s.points !== null),
  };
}

export type ComparedCandidate = { id: string; scores: readonly CriterionScore[]; total: number };

export type ComparisonRow = {
  key: string;
  name: string;
  nameEn: string;
  weight: number;
  points: (number | null)[]; // one per candidate, in the order given
  best: number[]; // indexes of the candidates with the highest points (ties all marked)
};

/**
 * Side by side (并列比较): one row per criterion any candidate was scored on (in the order first
 * met), each candidate's points and who scored best; the totals' best too.
 */
export function compareCandidates(candidates: readonly ComparedCandidate[]): {
  rows: ComparisonRow[];
  bestTotal: number[];
} {
  const order: string[] = [];
  const meta = new Map<string, CriterionScore>();
  for (const c of candidates)
    for (const s of c.scores)
      if (!meta.has(s.key)) {
        meta.set(s.key, s);
        order.push(s.key);
      }
  const rows = order.map((key) => {
    const m = meta.get(key)!;
    const points = candidates.map((c) => c.scores.find((s) => s.key === key)?.points ?? null);
    return { key, name: m.name, nameEn: m.nameEn, weight: m.weight, points, best: bestOf(points) };
  });
  return { rows, bestTotal: bestOf(candidates.map((c) => c.total)) };
}

function bestOf(values: readonly (number | null)[]): number[] {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return [];
  const top = Math.max(...present);
  return values.flatMap((v, i) => (v === top ? [i] : []));
}

/**
 * The model a fresh installation starts with — the same rows the channels migration inserts
 * (DOMAIN §4: what distributors and we care about); "add the recommended model" restores it.
 */
export const RECOMMENDED_CRITERIA: readonly Omit<SelectionCriterion, "id" | "active">[] = [
  {
    key: "capital",
    name: "资金实力",
    nameEn: "Capital strength",
    kind: "QUANTITATIVE",
    weight: 20,
    unit: "万元",
    worst: 100,
    best: 5000,
  },
  {
    key: "network",
    name: "渠道网络覆盖",
    nameEn: "Distribution network",
    kind: "QUANTITATIVE",
    weight: 20,
    unit: "个网点",
    worst: 5,
    best: 200,
  },
  {
    key: "salesTeam",
    name: "销售团队",
    nameEn: "Sales team",
    kind: "QUANTITATIVE",
    weight: 15,
    unit: "人",
    worst: 3,
    best: 80,
  },
  {
    key: "reputation",
    name: "商业信誉",
    nameEn: "Reputation",
    kind: "QUALITATIVE",
    weight: 15,
    unit: null,
    worst: null,
    best: null,
  },
  {
    key: "productFit",
    name: "与我方产品的契合度",
    nameEn: "Fit with our products",
    kind: "QUALITATIVE",
    weight: 15,
    unit: null,
    worst: null,
    best: null,
  },
  {
    key: "paymentTerms",
    name: "付款条件",
    nameEn: "Payment terms",
    kind: "QUANTITATIVE",
    weight: 15,
    unit: "天",
    worst: 90,
    best: 0,
  },
];
