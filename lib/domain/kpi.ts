// KPI maths (关键指标). Every ratio answers null when its denominator is zero or missing: "no target"
// and "no visits" are not 0 %, and the UI says so instead of showing a misleading figure.

/** A ratio, or null when it has no meaning (nothing to divide by). */
export function ratio(part: number, whole: number | null | undefined): number | null {
  if (whole === null || whole === undefined || whole === 0 || !Number.isFinite(whole)) return null;
  const r = part / whole;
  return Number.isFinite(r) ? r : null;
}

/** 达成率: actual ÷ target (1 = on target). No target → null. */
export const achievement = (actual: number, target: number | null | undefined) =>
  target !== null && target !== undefined && target > 0 ? actual / target : null;

/**
 * Where the target says we should be by now: target × elapsed share of the period. `behind` is
 * true when the actual trails the pace line (only meaningful while a target exists).
 */
export function pace(actual: number, target: number | null | undefined, elapsed: number) {
  if (target === null || target === undefined || target <= 0) return null;
  const expected = target * Math.min(1, Math.max(0, elapsed));
  return { expected, behind: actual < expected, ratio: expected > 0 ? actual / expected : null };
}

/** 增长率: (current − previous) ÷ |previous|. Nothing before → null (growth from zero is undefined). */
export const growth = (current: number, previous: number) =>
  previous === 0 ? null : (current - previous) / Math.abs(previous);

/** 成功率: visits that advanced the account ÷ visits that stated an outcome. */
export const successRate = (advanced: number, withOutcome: number) => ratio(advanced, withOutcome);

/**
 * 销售业绩 = 拜访量 × 成功率: visits × success rate. With the rate measured on the visits that stated an
 * outcome, this is the expected number of successful visits.
 */
export function visitsTimesSuccess(visits: number, advanced: number, withOutcome: number): number | null {
  const rate = successRate(advanced, withOutcome);
  return rate === null ? null : visits * rate;
}

/**
 * Stage-to-stage conversion: `reached[i]` deals reached stage i (or beyond); the rate from stage i
 * to i+1 is reached[i+1] ÷ reached[i].
 */
export function stageConversion(reached: readonly number[]): (number | null)[] {
  return reached.slice(0, -1).map((n, i) => ratio(reached[i + 1]!, n));
}

/** 赢单率: won ÷ (won + lost + terminated) among deals closed in the period. */
export const winRate = (won: number, closed: number) => ratio(won, closed);

/** 费用预算执行率: spent ÷ budget. */
export const budgetExecution = (spent: number, budget: number) => ratio(spent, budget);

/** 任务完成率: follow-ups done by their due day ÷ follow-ups due. */
export const taskCompletion = (doneOnTime: number, due: number) => ratio(doneOnTime, due);

/**
 * The 80/20 rule (二八法则): the share of revenue from the top `topShare` of accounts by revenue.
 * Accounts with no revenue in the period count in the population only if given; negative totals
 * (credit notes exceeding invoices) count as zero revenue.
 */
export function paretoShare(values: readonly number[], topShare = 0.2): number | null {
  const sorted = values.map((v) => Math.max(0, v)).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (sorted.length === 0 || total === 0) return null;
  const top = Math.max(1, Math.ceil(sorted.length * topShare));
  return sorted.slice(0, top).reduce((s, v) => s + v, 0) / total;
}

/**
 * The Pareto curve: accounts sorted by revenue, with the cumulative share of accounts and of
 * revenue after each. At most `points` points, evenly spread (the last always included).
 */
export function paretoCurve(values: readonly number[], points = 50) {
  const sorted = values.map((v) => Math.max(0, v)).sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (sorted.length === 0 || total === 0) return [];
  const step = Math.max(1, Math.ceil(sorted.length / points));
  const out: { accountShare: number; revenueShare: number }[] = [];
  let running = 0;
  sorted.forEach((v, i) => {
    running += v;
    if ((i + 1) % step === 0 || i === sorted.length - 1) {
      out.push({ accountShare: (i + 1) / sorted.length, revenueShare: running / total });
    }
  });
  return out;
}

/** A weighted indicator: its score (0–100, or null when not measured) and its weight. */
export type WeightedItem = { score: number | null; weight: number };

/**
 * The weighted score of a scorecard (0–100). Indicators not measured (score null) or weighted 0 drop
 * out and the remaining weights are rescaled, so a missing survey does not sink anyone. No measured
 * weight → null.
 */
export function weightedScore(items: readonly WeightedItem[]): number | null {
  const measured = items.filter((i) => i.score !== null && i.weight > 0);
  const weights = measured.reduce((s, i) => s + i.weight, 0);
  if (weights === 0) return null;
  return measured.reduce((s, i) => s + i.score! * i.weight, 0) / weights;
}

/** Ranks by score, best first; equal scores share a rank ("1, 2, 2, 4"); unscored people come last, unranked. */
export function rankByScore<T>(
  rows: readonly T[],
  score: (row: T) => number | null,
): (T & { rank: number | null })[] {
  const scored = rows.filter((r) => score(r) !== null).sort((a, b) => score(b)! - score(a)!);
  const ranked = scored.map((r, i, all) => {
    let first = i;
    while (first > 0 && score(all[first - 1]!) === score(r)) first -= 1;
    return { ...r, rank: first + 1 };
  });
  return [...ranked, ...rows.filter((r) => score(r) === null).map((r) => ({ ...r, rank: null }))];
}

/** Split a yearly figure into 12 months: evenly (remainder to the earliest months) or by last year's shape. */
export function splitYear(total: bigint, shape?: readonly bigint[]): bigint[] {
  const weights =
    shape && shape.length === 12 && shape.every((v) => v >= 0n) && shape.some((v) => v > 0n) ? shape : null;
  if (!weights) {
    const base = total / 12n;
    const rest = total - base * 12n;
    return Array.from({ length: 12 }, (_, i) => base + (BigInt(i) < rest ? 1n : 0n));
  }
  const sum = weights.reduce((s, v) => s + v, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  // Largest-remainder: hand the rounding leftovers to the months that lost the most, so the parts sum to the total.
  let left = total - parts.reduce((s, v) => s + v, 0n);
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts;
}
