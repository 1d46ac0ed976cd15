import { addDays, type IsoDate } from "./calendar";
// 返点 (rebates): an agreement's tiered rules, paid as a rate on the period's achieved sell-in by
// the band the achievement (achieved ÷ target) falls in. Amounts in fen, rates in basis points.

/** From `fromBp` of the target upwards (10_000 = 100 %), `rateBp` of the achieved amount. */
export type RebateBand = { fromBp: number; rateBp: number };

/** The rules an agreement version carries (ChannelAgreementVersion.rebateRules). */
export type RebateRules = { period: "QUARTER" | "YEAR"; bands: RebateBand[] };

/** 100 % in basis points. */
export const FULL_BP = 10_000;
/** The largest rebate rate a band may carry (100 %). */
export const MAX_RATE_BP = 10_000;

// ── Bands ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Achievement as basis points of the target (10_000 = 100 %), rounded down so that 79.99 % never
 * reaches the 80 % band. Null when there is no target to measure against.
 */
export function achievementBp(achieved: bigint, target: bigint | null | undefined): number | null {
  if (!target || target <= 0n) return null;
  const a = achieved > 0n ? achieved : 0n;
  const bp = (a * BigInt(FULL_BP)) / target;
  // Capped so a freak figure cannot overflow the integer column (1000 × target is already absurd).
  return Number(bp > 10_000_000n ? 10_000_000n : bp);
}

export type BandLookup =
  | { ok: true; achievementBp: number; band: RebateBand | null; rateBp: number }
  | { ok: false; reason: "noTarget" };

/**
 * The band the achievement falls in: the one with the highest `fromBp` ≤ achievement. An exact
 * edge belongs to the higher band (80.00 % earns the 80 % band). Below every band: no rebate.
 */
export function lookupBand(
  rules: RebateRules,
  achieved: bigint,
  target: bigint | null | undefined,
): BandLookup {
  const bp = achievementBp(achieved, target);
  if (bp === null) return { ok: false, reason: "noTarget" };
  let band: RebateBand | null = null;
  for (const b of rules.bands) if (b.fromBp <= bp && (!band || b.fromBp > band.fromBp)) band = b;
  return { ok: true, achievementBp: bp, band, rateBp: band?.rateBp ?? 0 };
}

export type RuleProblem = "noBands" | "notAscending" | "rateRange" | "fromRange";

/** What is wrong with a set of bands (for the editor and the action), or null. */
export function rebateRulesProblem(rules: RebateRules): { problem: RuleProblem; index: number } | null {
  if (!rules.bands.length) return { problem: "noBands", index: 0 };
  for (const [i, b] of rules.bands.entries()) {
    if (!Number.isInteger(b.fromBp) || b.fromBp < 0 || b.fromBp > 100 * FULL_BP)
      return { problem: "fromRange", index: i };
    if (!Number.isInteger(b.rateBp) || b.rateBp < 0 || b.rateBp > MAX_RATE_BP)
      return { problem: "rateRange", index: i };
    if (i > 0 && b.fromBp <= rules.bands[i - 1]!.fromBp) return { problem: "notAscending", index: i };
  }
  return null;
}

/** Reads the JSON column back, tolerating a malformed value as "no bands" rather than crashing. */
export function parseRebateRules(json: unknown): RebateRules {
  const o = (json ?? {}) as { period?: unknown; bands?: unknown };
  const bands = Array.isArray(o.bands)
    ? o.bands
        .map((b) => ({ fromBp: Number(b?.fromBp), rateBp: Number(b?.rateBp) }))
        .filter((b) => Number.isFinite(b.fromBp) && Number.isFinite(b.rateBp))
    : [];
  return { period: o.period === "YEAR" ? "YEAR" : "QUARTER", bands };
}

// ── Periods ───────────────────────────────────────────────────────────────────────────────────

export type RebatePeriod = {
  key: string; // "2026-Q3" | "2026"
  kind: "QUARTER" | "YEAR";
  year: number;
  quarter: number | null; // 1…4
  start: IsoDate; // China calendar days, inclusive
  end: IsoDate;
};

const PERIOD_KEY = /^(\d{4})(?:-Q([1-4]))?$/;

/** "2026-Q3" → 2026-07-01 … 2026-09-30; "2026" → the calendar year. Null for anything else. */
export function parsePeriodKey(key: string): RebatePeriod | null {
  const m = PERIOD_KEY.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (!m[2])
    return {
      key: `${year}`,
      kind: "YEAR",
      year,
      quarter: null,
      start: `${year}-01-01`,
      end: `${year}-12-31`,
    };
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, "0")}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, "0")}-01`;
  return { key: `${year}-Q${q}`, kind: "QUARTER", year, quarter: q, start, end: addDays(next, -1) };
}

/** The quarter key of a China calendar day ("2026-08-15" → "2026-Q3"). */
export function quarterKeyOf(day: IsoDate): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before a quarter key ("2026-Q1" → "2025-Q4"). */
export function previousQuarterKey(key: string): string {
  const p = parsePeriodKey(key);
  if (!p || p.kind !== "QUARTER") throw new RangeError(`not a quarter: ${key}`);
  return p.quarter === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${p.quarter! - 1}`;
}

/** The statement number: FD-2026-Q3-0007 (a year statement: FD-2026-Y-0007). */
export function statementNumber(period: RebatePeriod, seq: number): string {
  const part = period.kind === "QUARTER" ? `Q${period.quarter}` : "Y";
  return `FD-${period.year}-${part}-${String(seq).padStart(4, "0")}`;
}

// ── Statement maths ───────────────────────────────────────────────────────────────────────────

/** The target for a period: the quarter's share, or the annual target for a year. */
export function periodTarget(
  period: RebatePeriod,
  terms: { annualTarget: bigint; quarterlyTargets: readonly bigint[] },
): bigint {
  if (period.kind === "YEAR") return terms.annualTarget;
  return terms.quarterlyTargets[period.quarter! - 1] ?? 0n;
}

export type Deduction = { conflictId: string; number: string; amount: bigint };

export type StatementWorkings = {
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  agreementVersionNo: number;
  target: string; // fen as text (JSON has no bigint)
  achieved: string;
  achievementBp: number | null;
  noRebateReason: "noTarget" | "belowBands" | null;
  band: RebateBand | null;
  rateBp: number;
  rebateAmount: string;
  deductions: { conflictId: string; number: string; amount: string }[];
  deductionTotal: string;
  payable: string;
  /** Every step in order, for the reviewer: [step key, value]. */
  steps: { step: string; value: string }[];
};

export type StatementFigures = {
  target: bigint;
  achieved: bigint;
  achievementBp: number;
  rateBp: number;
  rebateAmount: bigint;
  deductions: bigint;
  payable: bigint;
  workings: StatementWorkings;
};

/**
 * A statement's figures: rebate = rate × achieved (rounded down to the fen), minus the conflict
 * deductions, never below zero. Negative achievement (more returns than shipments) earns nothing.
 */
export function computeStatement(args: {
  period: RebatePeriod;
  versionNo: number;
  rules: RebateRules;
  annualTarget: bigint;
  quarterlyTargets: readonly bigint[];
  achieved: bigint;
  deductions: readonly Deduction[];
}): StatementFigures {
  const target = periodTarget(args.period, args);
  const lookup = lookupBand(args.rules, args.achieved, target);
  const base = args.achieved > 0n ? args.achieved : 0n;
  const rateBp = lookup.ok ? lookup.rateBp : 0;
  const bp = lookup.ok ? lookup.achievementBp : null;
  const rebateAmount = (base * BigInt(rateBp)) / BigInt(FULL_BP);
  const deductionTotal = args.deductions.reduce((s, d) => s + (d.amount > 0n ? d.amount : 0n), 0n);
  const net = rebateAmount - deductionTotal;
  const payable = net > 0n ? net : 0n;
  const noRebateReason = !lookup.ok ? "noTarget" : lookup.band === null ? "belowBands" : null;
  const workings: StatementWorkings = {
    periodKey: args.period.key,
    periodStart: args.period.start,
    periodEnd: args.period.end,
    agreementVersionNo: args.versionNo,
    target: target.toString(),
    achieved: args.achieved.toString(),
    achievementBp: bp,
    noRebateReason,
    band: lookup.ok ? lookup.band : null,
    rateBp,
    rebateAmount: rebateAmount.toString(),
    deductions: args.deductions.map((d) => ({ ...d, amount: d.amount.toString() })),
    deductionTotal: deductionTotal.toString(),
    payable: payable.toString(),
    steps: [
      { step: "target", value: target.toString() },
      { step: "achieved", value: args.achieved.toString() },
      { step: "achievementBp", value: bp === null ? "" : String(bp) },
      { step: "rateBp", value: String(rateBp) },
      { step: "rebateAmount", value: rebateAmount.toString() },
      { step: "deductions", value: deductionTotal.toString() },
      { step: "payable", value: payable.toString() },
    ],
  };
  return {
    target,
    achieved: args.achieved,
    achievementBp: bp ?? 0,
    rateBp,
    rebateAmount,
    deductions: deductionTotal,
    payable,
    workings,
  };
}
