// 经销商季度考评: the factors of a distributor's quarter, their points (0–100), the weighted total,
// the ranking and the recommendation (升级 / 保持 / 警告 / 淘汰). Pure: the data layer measures,
// this file judges.
import { conflictScoreImpact, type ConflictOutcome } from "./channel-conflicts";

export type { ConflictOutcome };
import { addDays, daysBetween, type IsoDate } from "./calendar";
import { csatPercent, netPromoterScore, satisfactionIndex, type NpsCounts } from "./satisfaction";

export const SCORECARD_FACTORS = [
  "achievement",
  "growth",
  "paymentTimeliness",
  "conflicts",
  "inventory",
  "satisfaction",
] as const;
export type ScorecardFactor = (typeof SCORECARD_FACTORS)[number];
export type ScorecardWeights = Record<ScorecardFactor, number>;

export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = {
  achievement: 30,
  growth: 15,
  paymentTimeliness: 20,
  conflicts: 15,
  inventory: 10,
  satisfaction: 10,
};

export type Thresholds = { upgradeAt: number; keepAt: number; warnAt: number };
export const RECOMMENDATIONS = ["UPGRADE", "KEEP", "WARN", "TERMINATE"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

const clamp = (v: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Reads weights saved as JSON; anything missing or not a whole 0–100 number counts 0. */
export function readWeights(json: unknown): ScorecardWeights {
  const o = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const out = {} as ScorecardWeights;
  for (const f of SCORECARD_FACTORS) {
    const v = o[f];
    out[f] = typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100 ? v : 0;
  }
  return out;
}

export const weightSum = (w: ScorecardWeights) => SCORECARD_FACTORS.reduce((s, f) => s + w[f], 0);

// ── Factor points ───────────────────────────────────────────────────────────────────────────────

/** 任务完成率: sell-in against the agreement's quarterly target; 100 % or more earns full points. */
export function achievementPoints(sellIn: bigint, target: bigint | null): number | null {
  if (target === null || target <= 0n) return null;
  return clamp(Number((sellIn * 10_000n) / target) / 100);
}

/**
 * 同比增长: sell-in against the same quarter a year earlier. Flat earns 50 points, +50 % or more
 * 100, −50 % or worse 0. Nothing a year earlier: not measurable (a new distributor is not
 * rewarded for infinite growth).
 */
export function growthPoints(sellIn: bigint, lastYear: bigint | null): number | null {
  if (lastYear === null || lastYear <= 0n) return null;
  const g = Number(((sellIn - lastYear) * 10_000n) / lastYear) / 10_000;
  return clamp(50 + g * 100);
}

/** The quarter's answers to the distributor's surveys, counted (CSAT answers, 4–5 of them, NPS buckets). */
export type SatisfactionCounts = NpsCounts & { csatAnswers: number; satisfied: number };

/**
 * 渠道满意度: the satisfaction index of the quarter's answers (CSAT % and NPS mapped onto 0–100,
 * the same index as a key account's); not measurable without an answer.
 */
export function satisfactionPoints(c: SatisfactionCounts): number | null {
  return satisfactionIndex(csatPercent(c.satisfied, c.csatAnswers), netPromoterScore(c));
}

/** An invoice due in the quarter: paid in full on `paidOn` (null while unpaid). */
export type DueInvoice = { dueOn: IsoDate; paidOn: IsoDate | null };

/** Days after which a late invoice earns nothing. */
export const LATE_DAYS_FOR_ZERO = 60;

/**
 * 回款及时性: each invoice due in the quarter earns 1 when paid by its due date, and loses credit
 * linearly with the days late (nothing at 60 days); an unpaid one is late up to `asOf`.
 */
export function paymentTimeliness(
  invoices: readonly DueInvoice[],
  asOf: IsoDate,
): { points: number | null; due: number; onTime: number; averageDaysLate: number | null } {
  if (!invoices.length) return { points: null, due: 0, onTime: 0, averageDaysLate: null };
  let credit = 0;
  let onTime = 0;
  let lateDays = 0;
  let late = 0;
  for (const inv of invoices) {
    const settled = inv.paidOn ?? asOf;
    const days = Math.max(0, daysBetween(inv.dueOn, settled));
    if (inv.paidOn !== null && days === 0) {
      onTime++;
      credit += 1;
      continue;
    }
    if (days === 0) continue; // unpaid but not yet due as of `asOf`: counts nothing either way
    late++;
    lateDays += days;
    credit += Math.max(0, 1 - days / LATE_DAYS_FOR_ZERO);
  }
  const counted = onTime + late;
  return {
    points: counted ? round1((credit / counted) * 100) : null,
    due: counted,
    onTime,
    averageDaysLate: late ? round1(lateDays / late) : null,
  };
}

/**
 * 渠道冲突 points: the conflict workflow's own measure (conflictScoreImpact in
 * lib/domain/channel-conflicts.ts — 100 less a penalty per open case and per outcome), so a case
 * counts the same on the case page and on the scorecard.
 */
export function conflictPoints(open: number, outcomes: readonly ConflictOutcome[]): number {
  return conflictScoreImpact([
    ...Array.from({ length: open }, () => ({ status: "NEGOTIATION" as const, outcome: null })),
    ...outcomes.map((outcome) => ({ status: "RESOLVED" as const, outcome })),
  ]).points;
}

/**
 * 库存健康: months of stock = channel inventory (cumulative sell-in − sell-out, amount) over the
 * quarter's average monthly sell-out. Up to `healthy` months earns 100, falling to 0 at twice that.
 */
export function inventoryHealth(
  stock: bigint,
  monthlySellOut: bigint,
  healthyMonths: number,
): { points: number | null; months: number | null } {
  if (monthlySellOut <= 0n) {
    if (stock <= 0n) return { points: null, months: null }; // nothing moved: not measurable
    return { points: 0, months: null }; // stock that does not sell
  }
  const months = Math.max(0, Number((stock * 100n) / monthlySellOut) / 100);
  const healthy = Math.max(1, healthyMonths);
  const points = months <= healthy ? 100 : clamp(100 - ((months - healthy) / healthy) * 100);
  return { points: round1(points), months };
}

// ── Total, recommendation, ranking ──────────────────────────────────────────────────────────────

export type FactorPoints = Record<ScorecardFactor, number | null>;

/**
 * The weighted total (0–100, whole): factors that could not be measured (null) drop out and the
 * others' weights are scaled up to fill 100; null when nothing weighted was measurable.
 */
export function scorecardTotal(
  points: FactorPoints,
  weights: ScorecardWeights,
): { total: number | null; effectiveWeights: Record<ScorecardFactor, number> } {
  const measured = SCORECARD_FACTORS.filter((f) => points[f] !== null && weights[f] > 0);
  const sum = measured.reduce((s, f) => s + weights[f], 0);
  const effectiveWeights = Object.fromEntries(
    SCORECARD_FACTORS.map((f) => [f, measured.includes(f) ? round1((weights[f] * 100) / sum) : 0]),
  ) as Record<ScorecardFactor, number>;
  if (!sum) return { total: null, effectiveWeights };
  const total = measured.reduce((s, f) => s + (points[f] as number) * weights[f], 0) / sum;
  return { total: Math.round(clamp(total)), effectiveWeights };
}

export function recommend(total: number | null, t: Thresholds): Recommendation | null {
  if (total === null) return null;
  if (total >= t.upgradeAt) return "UPGRADE";
  if (total >= t.keepAt) return "KEEP";
  if (total >= t.warnAt) return "WARN";
  return "TERMINATE";
}

/** Thresholds are usable when 0 ≤ warnAt < keepAt < upgradeAt ≤ 100. */
export function thresholdsValid(t: Thresholds): boolean {
  return t.warnAt >= 0 && t.warnAt < t.keepAt && t.keepAt < t.upgradeAt && t.upgradeAt <= 100;
}

/** Competition ranking (1, 1, 3) by total, highest first; unmeasured totals get no rank. */
export function rankByTotal<T extends { id: string; total: number | null }>(
  rows: readonly T[],
): Map<string, number> {
  const sorted = rows
    .filter((r) => r.total !== null)
    .sort((a, b) => (b.total as number) - (a.total as number));
  const ranks = new Map<string, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    ranks.set(r.id, prev && prev.total === r.total ? ranks.get(prev.id)! : i + 1);
  });
  return ranks;
}

// ── Quarters ────────────────────────────────────────────────────────────────────────────────────

export type Quarter = { key: string; year: number; q: 1 | 2 | 3 | 4; start: IsoDate; end: IsoDate };

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export function quarter(year: number, q: number): Quarter {
  const m = (q - 1) * 3 + 1;
  const start = `${year}-${String(m).padStart(2, "0")}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(m + 3).padStart(2, "0")}-01`;
  return { key: `${year}-Q${q}`, year, q: q as Quarter["q"], start, end: addDays(next, -1) };
}

export function parseQuarterKey(key: string | null | undefined): Quarter | null {
  const m = key ? QUARTER_KEY.exec(key) : null;
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100 ? quarter(year, Number(m[2])) : null;
}

export function quarterOf(date: IsoDate): Quarter {
  return quarter(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}

export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? quarter(q.year - 1, 4) : quarter(q.year, q.q - 1);
}

export function sameQuarterLastYear(q: Quarter): Quarter {
  return quarter(q.year - 1, q.q);
}

/** The first days of the quarter's three months. */
export function quarterMonths(q: Quarter): IsoDate[] {
  const m = (q.q - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${q.year}-${String(m + i).padStart(2, "0")}-01`);
}
