// 客户健康度: a 0–100 score of how likely a key account is to stay, explained like the value score.
// Each factor earns points out of its maximum; a factor that cannot be measured (no survey answers,
// no service plan, no agreement, no ledger history) drops out and the others rescale to 100, as the
// scorecard does with indicators that have no target. Every factor carries an explanation key and
// the values that fill it, so the page says WHY an account is at risk.

import { daysBetween, type IsoDate } from "@/lib/domain/calendar";
import { satisfactionIndex } from "@/lib/domain/satisfaction";

export const HEALTH_FACTORS = [
  "satisfaction",
  "complaints",
  "contact",
  "service",
  "renewal",
  "revenue",
] as const;
export type HealthFactor = (typeof HEALTH_FACTORS)[number];

/** Each factor's maximum when everything is measured (sums to 100). */
export const FACTOR_MAX: Record<HealthFactor, number> = {
  satisfaction: 25,
  complaints: 20,
  contact: 20,
  revenue: 15,
  service: 10,
  renewal: 10,
};

/** Band edges (documented in the README): HEALTHY ≥ 70, WATCH 40–69.9, AT_RISK < 40. */
export const HEALTH_BANDS = { healthyAtLeast: 70, watchAtLeast: 40 } as const;
export type HealthBand = "HEALTHY" | "WATCH" | "AT_RISK";

export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
/** How much one open complaint weighs; a missed SLA adds BREACH_WEIGHT on top. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
export const BREACH_WEIGHT = 2;
/** Open-complaint weight at which the complaints factor is empty (two high ones plus a breach). */
export const COMPLAINT_WEIGHT_ZERO = 8;
/** Contact: full marks within the tier's cadence, none at twice it, linear between. */
export const CONTACT_ZERO_AT_CADENCES = 2;
/** Service: each overdue item costs this share of the factor. */
export const SERVICE_OVERDUE_COST = 1 / 3;
/** Revenue: full marks when the last 6 months match the 6 before, none at this ratio or below. */
export const REVENUE_ZERO_RATIO = 0.5;
/** An agreement that lapsed longer ago than this no longer counts as "up for renewal". */
export const RENEWAL_LAPSED_FORGET_DAYS = 365;

export type HealthInputs = {
  today: IsoDate;
  /** CSAT % and NPS of the last 12 months' answers (null: not measured). */
  satisfaction: { csat: number | null; nps: number | null };
  /** Open complaints by severity and how many of them missed an SLA clock. */
  complaints: { open: Partial<Record<Severity, number>>; breached: number };
  /** The China day of the last contact (null: never) and the tier's cadence in days. */
  contact: { lastContactOn: IsoDate | null; cadenceDays: number };
  /** Live service items and how many are overdue (items 0: no plan, the factor drops out). */
  service: { items: number; overdue: number };
  /** The end of the latest unrenewed agreement (null: none) and the renewal window. */
  renewal: { endDate: IsoDate | null; windowDays: number };
  /** Ledger revenue (fen) of the last 6 complete months and the 6 before; null: no ledger history. */
  revenue: { recent: number; previous: number } | null;
};

export type FactorDetail = { key: string; values: Record<string, number | string> };
export type FactorScore = { factor: HealthFactor; points: number; max: number; detail: FactorDetail };
export type HealthResult = { score: number; band: HealthBand; factors: FactorScore[] };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

type Measured = { share: number; detail: FactorDetail } | null;

function satisfaction({ csat, nps }: HealthInputs["satisfaction"]): Measured {
  const index = satisfactionIndex(csat, nps);
  if (index === null) return null;
  const values: Record<string, number> = { index };
  if (csat !== null) values.csat = csat;
  if (nps !== null) values.nps = nps;
  const key =
    csat !== null && nps !== null
      ? "satisfactionBoth"
      : csat !== null
        ? "satisfactionCsat"
        : "satisfactionNps";
  return { share: clamp01(index / 100), detail: { key, values } };
}

export function complaintWeight({ open, breached }: HealthInputs["complaints"]): number {
  let weight = Math.max(0, breached) * BREACH_WEIGHT;
  for (const [severity, count] of Object.entries(open) as [Severity, number][]) {
    weight += SEVERITY_WEIGHT[severity] * Math.max(0, count);
  }
  return weight;
}

function complaints(input: HealthInputs["complaints"]): Measured {
  const weight = complaintWeight(input);
  const count = Object.values(input.open).reduce((a, b) => a + Math.max(0, b ?? 0), 0);
  const detail: FactorDetail =
    count === 0
      ? { key: "complaintsNone", values: {} }
      : { key: "complaintsOpen", values: { count, breached: Math.max(0, input.breached) } };
  return { share: clamp01(1 - weight / COMPLAINT_WEIGHT_ZERO), detail };
}

function contact({ lastContactOn, cadenceDays }: HealthInputs["contact"], today: IsoDate): Measured {
  if (lastContactOn === null)
    return { share: 0, detail: { key: "contactNever", values: { cadence: cadenceDays } } };
  const days = Math.max(0, daysBetween(lastContactOn, today));
  const cadence = Math.max(1, cadenceDays);
  const ratio = days / cadence;
  const share = ratio <= 1 ? 1 : clamp01(1 - (ratio - 1) / (CONTACT_ZERO_AT_CADENCES - 1));
  return {
    share,
    detail: { key: ratio <= 1 ? "contactOnCadence" : "contactLate", values: { days, cadence } },
  };
}

function service({ items, overdue }: HealthInputs["service"]): Measured {
  if (items <= 0) return null;
  const late = Math.min(Math.max(0, overdue), items);
  return {
    share: clamp01(1 - late * SERVICE_OVERDUE_COST),
    detail: late
      ? { key: "serviceOverdue", values: { overdue: late, items } }
      : { key: "serviceOnTrack", values: { items } },
  };
}

function renewal({ endDate, windowDays }: HealthInputs["renewal"], today: IsoDate): Measured {
  if (endDate === null) return null;
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < -RENEWAL_LAPSED_FORGET_DAYS) return null;
  if (daysLeft < 0)
    return { share: 0, detail: { key: "renewalLapsed", values: { days: -daysLeft, endDate } } };
  const window = Math.max(1, windowDays);
  if (daysLeft > window) return { share: 1, detail: { key: "renewalFar", values: { endDate } } };
  return {
    share: clamp01(daysLeft / window),
    detail: { key: "renewalNear", values: { days: daysLeft, endDate } },
  };
}

function revenue(input: HealthInputs["revenue"]): Measured {
  if (input === null || input.previous <= 0) return null;
  const ratio = Math.max(0, input.recent) / input.previous;
  const share = clamp01((ratio - REVENUE_ZERO_RATIO) / (1 - REVENUE_ZERO_RATIO));
  const change = Math.round((ratio - 1) * 1000) / 10;
  return { share, detail: { key: change < 0 ? "revenueDown" : "revenueUp", values: { change } } };
}

export function bandFor(score: number): HealthBand {
  if (score >= HEALTH_BANDS.healthyAtLeast) return "HEALTHY";
  return score >= HEALTH_BANDS.watchAtLeast ? "WATCH" : "AT_RISK";
}

/**
 * The health score. Measured factors earn share × their maximum; the maxima of the measured
 * factors are rescaled so they add to 100, so points and max shown are on the 0–100 scale and the
 * points add up to the score (up to rounding).
 */
export function assessHealth(inputs: HealthInputs): HealthResult {
  const measured: [HealthFactor, Measured][] = [
    ["satisfaction", satisfaction(inputs.satisfaction)],
    ["complaints", complaints(inputs.complaints)],
    ["contact", contact(inputs.contact, inputs.today)],
    ["service", service(inputs.service)],
    ["renewal", renewal(inputs.renewal, inputs.today)],
    ["revenue", revenue(inputs.revenue)],
  ];
  const present = measured.filter((m): m is [HealthFactor, NonNullable<Measured>] => m[1] !== null);
  const total = present.reduce((sum, [f]) => sum + FACTOR_MAX[f], 0);
  const factors = present.map(([factor, m]) => {
    const max = (FACTOR_MAX[factor] / total) * 100;
    return { factor, points: round1(m.share * max), max: round1(max), detail: m.detail };
  });
  const raw = present.reduce((sum, [f, m]) => sum + m.share * ((FACTOR_MAX[f] / total) * 100), 0);
  const score = round1(Math.min(100, Math.max(0, raw)));
  return { score, band: bandFor(score), factors };
}

/** The reasons an account is at risk: the factors losing the most points, worst first. */
export function topReasons(factors: readonly FactorScore[], count = 3): FactorScore[] {
  return [...factors]
    .filter((f) => f.max - f.points >= 0.5)
    .sort((a, b) => b.max - b.points - (a.max - a.points) || a.factor.localeCompare(b.factor))
    .slice(0, count);
}
