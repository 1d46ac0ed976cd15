// 客户价值评估: current, potential and strategic value → three 0–100 sub-scores → a composite
// with configurable weights → a tier (A 战略客户 / B 重点客户 / C 一般客户). Every score can be
// explained: each input's contribution to the composite is returned, and they add up to it.

export const CREDIT_RATINGS = ["AAA", "AA", "A", "BBB", "BB", "B", "C"] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

export const PAYMENT_RECORDS = ["EXCELLENT", "GOOD", "FAIR", "POOR"] as const;
export type PaymentRecord = (typeof PAYMENT_RECORDS)[number];

/** What a KAM records about an account. Money in yuan per year; ratings 1–5. Missing = not assessed. */
export type ValueInputs = {
  purchaseVolume: number | null; // what they buy from us per year (元)
  categorySpend: number | null; // what they spend on the whole category per year (元)
  creditRating: CreditRating | null;
  paymentRecord: PaymentRecord | null;
  expectedGrowth: number | null; // expected growth of their category spend, % per year
  loyalty: number | null; // 1–5
  industryInfluence: number | null; // 1–5
  strategicFit: number | null; // 1–5
  referenceValue: number | null; // 1–5
};

export type Dimension = "current" | "potential" | "strategic";
export type Factor =
  | "purchaseVolume"
  | "categorySpend"
  | "creditRating"
  | "paymentRecord"
  | "expectedGrowth"
  | "walletHeadroom"
  | "loyalty"
  | "industryInfluence"
  | "strategicFit"
  | "referenceValue";

export type ScoringConfig = {
  /** Share of each dimension in the composite; normalised, so any positive numbers work. */
  weights: Record<Dimension, number>;
  /** Composite score at or above which an account is A, or B. */
  tierThresholds: { A: number; B: number };
  /** Annual purchase volume (元) that earns full marks; the scale is logarithmic below it. */
  fullMarksPurchaseVolume: number;
  /** Annual category spend (元) that earns full marks. */
  fullMarksCategorySpend: number;
  /** Expected growth (%/year) that earns full marks. */
  fullMarksGrowth: number;
};

export const DEFAULT_SCORING: ScoringConfig = {
  weights: { current: 40, potential: 35, strategic: 25 },
  tierThresholds: { A: 75, B: 50 },
  fullMarksPurchaseVolume: 50_000_000,
  fullMarksCategorySpend: 200_000_000,
  fullMarksGrowth: 30,
};

// Within each dimension, how much each factor counts (sums to 1 per dimension).
export const FACTOR_WEIGHTS: Record<Dimension, Partial<Record<Factor, number>>> = {
  current: { purchaseVolume: 0.35, categorySpend: 0.25, creditRating: 0.2, paymentRecord: 0.2 },
  potential: { expectedGrowth: 0.35, walletHeadroom: 0.35, loyalty: 0.3 },
  strategic: { industryInfluence: 0.4, strategicFit: 0.35, referenceValue: 0.25 },
};

const RATING_POINTS: Record<CreditRating, number> = { AAA: 100, AA: 90, A: 80, BBB: 65, BB: 45, B: 25, C: 0 };
const PAYMENT_POINTS: Record<PaymentRecord, number> = { EXCELLENT: 100, GOOD: 75, FAIR: 40, POOR: 0 };

const clamp = (n: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, n));

/** 0 at ≤ 1% of full marks, 100 at full marks, logarithmic between (spend spans orders of magnitude). */
export function logScale(value: number, fullMarks: number): number {
  if (value <= 0 || fullMarks <= 0) return 0;
  const floor = fullMarks / 100;
  if (value <= floor) return 0;
  return clamp((Math.log10(value / floor) / 2) * 100);
}

const ratingPoints = (r: number | null) => (r === null ? null : clamp(((r - 1) / 4) * 100));

/** Each factor's 0–100 points, or null when it cannot be assessed from the inputs. */
export function factorPoints(
  inputs: ValueInputs,
  config: ScoringConfig = DEFAULT_SCORING,
): Record<Factor, number | null> {
  const { purchaseVolume, categorySpend } = inputs;
  // Share-of-wallet headroom: how much of their category spend we do not yet win.
  const walletHeadroom =
    purchaseVolume !== null && categorySpend !== null && categorySpend > 0
      ? clamp((1 - purchaseVolume / categorySpend) * 100)
      : null;
  return {
    purchaseVolume: purchaseVolume === null ? null : logScale(purchaseVolume, config.fullMarksPurchaseVolume),
    categorySpend: categorySpend === null ? null : logScale(categorySpend, config.fullMarksCategorySpend),
    creditRating: inputs.creditRating ? RATING_POINTS[inputs.creditRating] : null,
    paymentRecord: inputs.paymentRecord ? PAYMENT_POINTS[inputs.paymentRecord] : null,
    expectedGrowth:
      inputs.expectedGrowth === null ? null : clamp((inputs.expectedGrowth / config.fullMarksGrowth) * 100),
    walletHeadroom,
    loyalty: ratingPoints(inputs.loyalty),
    industryInfluence: ratingPoints(inputs.industryInfluence),
    strategicFit: ratingPoints(inputs.strategicFit),
    referenceValue: ratingPoints(inputs.referenceValue),
  };
}

export type Contribution = {
  factor: Factor;
  dimension: Dimension;
  points: number | null; // the factor's own 0–100 points (null: not assessed, counts as 0)
  weight: number; // its share of the composite (0–1)
  contribution: number; // points × weight: what it adds to the composite
};

export type Tier = "A" | "B" | "C";

export type ValueAssessment = {
  current: number;
  potential: number;
  strategic: number;
  composite: number;
  tier: Tier;
  contributions: Contribution[]; // largest first; they sum to `composite`
  missing: Factor[]; // factors not assessed (each counted as 0)
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function tierFor(composite: number, thresholds: ScoringConfig["tierThresholds"]): Tier {
  if (composite >= thresholds.A) return "A";
  if (composite >= thresholds.B) return "B";
  return "C";
}

export function assessValue(inputs: ValueInputs, config: ScoringConfig = DEFAULT_SCORING): ValueAssessment {
  const points = factorPoints(inputs, config);
  const totalWeight = config.weights.current + config.weights.potential + config.weights.strategic;
  const dimensionShare = (d: Dimension) => (totalWeight > 0 ? config.weights[d] / totalWeight : 1 / 3);
  const sub: Record<Dimension, number> = { current: 0, potential: 0, strategic: 0 };
  const contributions: Contribution[] = [];
  for (const dimension of ["current", "potential", "strategic"] as const) {
    for (const [factor, w] of Object.entries(FACTOR_WEIGHTS[dimension]) as [Factor, number][]) {
      const p = points[factor];
      sub[dimension] += (p ?? 0) * w;
      const weight = w * dimensionShare(dimension);
      contributions.push({
        factor,
        dimension,
        points: p === null ? null : round1(p),
        weight,
        contribution: (p ?? 0) * weight,
      });
    }
  }
  const composite = contributions.reduce((s, c) => s + c.contribution, 0);
  return {
    current: round1(sub.current),
    potential: round1(sub.potential),
    strategic: round1(sub.strategic),
    composite: round1(composite),
    tier: tierFor(round1(composite), config.tierThresholds),
    contributions: contributions
      .map((c) => ({ ...c, contribution: round1(c.contribution) }))
      .sort((a, b) => b.contribution - a.contribution),
    missing: contributions.filter((c) => c.points === null).map((c) => c.factor),
  };
}

/** The tier shown: a manual override (which must carry a reason) wins over the computed one. */
export function effectiveTier(computed: Tier, override: { tier: Tier; reason: string } | null): Tier {
  return override && override.reason.trim() ? override.tier : computed;
}

// 正资产/负资产: an account whose cost to serve eats more than the admin-set share of its gross
// profit is a negative asset — thin profit but a heavy service load.
export type AssetVerdict = "positive" | "negative" | "unknown";

export function assetVerdict(
  annualGrossProfit: number | null,
  annualCostToServe: number | null,
  maxCostShare: number,
): { verdict: AssetVerdict; costShare: number | null } {
  if (annualGrossProfit === null || annualCostToServe === null)
    return { verdict: "unknown", costShare: null };
  if (annualGrossProfit <= 0)
    return { verdict: annualCostToServe > 0 ? "negative" : "unknown", costShare: null };
  const costShare = annualCostToServe / annualGrossProfit;
  return { verdict: costShare > maxCostShare ? "negative" : "positive", costShare };
}
