// 绩效考核: turns a person's figures for a period into a 0–100 score per indicator and a weighted
// score. Pure: the data layer supplies the figures (lib/data/reviews/scorecard.ts).
//
// Scoring rules (each answers null — "not measured" — rather than 0 when there is nothing to
// measure, so a missing target or an empty period never sinks anyone; weightedScore rescales the
// remaining weights):
// - achievement rates (revenue, collections, new accounts, visits against the person's own target):
//   min(100, achievement × 100). Beating the target earns no bonus points: the cap keeps one
//   indicator from hiding a weak one (over-achievement still shows as the rate). No target → null.
// - TASK_COMPLETION, WIN_RATE, RISK_CONTROL are rates: rate ÷ (fullMarksAt %) × 100, capped at 100;
//   fullMarksAt defaults to 100 %. Zero follow-ups due, no closed deals, no accounts → null.
// - VISITS_TIMES_SUCCESS (拜访量 × 成功率, the expected successful visits): against fullMarksAt
//   successful visits a month, times the months of the period (a custom period's cut months count
//   by days) and, for a manager scored on the team, the team's heads. No visit stated an outcome,
//   or no fullMarksAt → null.
// - BUDGET_EXECUTION (费用预算执行率, the person's team's budget): full marks while spending stays
//   within budget; every 1 % overspent costs 2 points (150 % of budget scores 0). Under-spending is
//   not punished: money not spent is not a failure, and rewarding spending up to the budget would
//   invite waste. No budget → null.
// - RISK_CONTROL (风险控制) = 1 − the share of the person's accounts overdue for contact (today's
//   cadence, the same "overdue" the visits pages show).
// - CUSTOMER_SATISFACTION (客户满意度) = satisfactionIndex(CSAT %, NPS) of the survey answers about
//   the person's accounts (a manager: the team's) submitted in the period; nobody answered → null.
import type { IsoDate } from "./calendar";
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from "./kpi-period";
import { satisfactionIndex } from "./satisfaction";
import {
  achievement,
  budgetExecution,
  ratio,
  taskCompletion,
  visitsTimesSuccess,
  weightedScore,
  winRate,
} from "./kpi";

export const SCORECARD_METRICS = [
  "REVENUE_ACHIEVEMENT",
  "COLLECTION_ACHIEVEMENT",
  "NEW_ACCOUNTS_ACHIEVEMENT",
  "VISIT_ACHIEVEMENT",
  "TASK_COMPLETION",
  "VISITS_TIMES_SUCCESS",
  "WIN_RATE",
  "BUDGET_EXECUTION",
  "RISK_CONTROL",
  "CUSTOMER_SATISFACTION",
] as const;
export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

/** Metrics whose full marks the administrator sets (`fullMarksAt`); the rest score against a target. */
export const FULL_MARKS_METRICS: readonly ScorecardMetric[] = [
  "VISITS_TIMES_SUCCESS",
  "TASK_COMPLETION",
  "WIN_RATE",
  "RISK_CONTROL",
];
/** …and of those, the ones that cannot score at all without it. */
export const FULL_MARKS_REQUIRED: readonly ScorecardMetric[] = ["VISITS_TIMES_SUCCESS"];

/** How an indicator's value and target read: money (fen), a count, a decimal count, a share. */
export type ScorecardUnit = "money" | "count" | "decimal" | "share" | "none";

export const METRIC_UNIT: Record<ScorecardMetric, ScorecardUnit> = {
  REVENUE_ACHIEVEMENT: "money",
  COLLECTION_ACHIEVEMENT: "money",
  NEW_ACCOUNTS_ACHIEVEMENT: "count",
  VISIT_ACHIEVEMENT: "count",
  TASK_COMPLETION: "count",
  VISITS_TIMES_SUCCESS: "decimal",
  WIN_RATE: "count",
  BUDGET_EXECUTION: "money",
  RISK_CONTROL: "count",
  CUSTOMER_SATISFACTION: "decimal",
};

/** A person's figures for the period (money in fen), as lib/data/kpi figuresByOwner gives them. */
export type ScorecardFigures = {
  revenue: number;
  collections: number;
  visits: number;
  visitsWithOutcome: number;
  visitsAdvanced: number;
  newAccounts: number;
  dealsWon: number;
  dealsClosed: number;
  followUpsDue: number;
  followUpsOnTime: number;
  accounts: number;
  accountsOverdue: number;
  targets: {
    REVENUE: number | null;
    COLLECTIONS: number | null;
    NEW_ACCOUNTS: number | null;
    VISITS: number | null;
  };
  /** The person's team's expense budget and spend over the period (null budget: none set). */
  budget: { budget: number | null; spent: number };
  /** The period's length in months (a custom period's cut months count by days). */
  months: number;
  /** People whose work the figures add up (a manager is scored on the team: full marks scale by head). */
  heads?: number;
  /** CSAT % and NPS of the period's survey answers (null: nobody answered); absent → not measured. */
  satisfaction?: { csat: number | null; nps: number | null };
};

/**
 * One indicator measured: `actual` against `target` (for rates: the part and the whole), `rate`
 * the ratio shown as a percentage, `score` 0–100 or null when not measured.
 */
export type Measured = {
  actual: number | null;
  target: number | null;
  rate: number | null;
  score: number | null;
};

const clamp = (v: number) => Math.max(0, Math.min(100, v));
const NOT_MEASURED: Measured = { actual: null, target: null, rate: null, score: null };

/** Achievement against a target: min(100, rate × 100); no target → not measured. */
export function achievementScore(actual: number, target: number | null): Measured {
  const rate = achievement(actual, target);
  return { actual, target, rate, score: rate === null ? null : clamp(rate * 100) };
}

/** A rate against the rate that earns full marks (a percentage, default 100). */
export function rateScore(
  part: number,
  whole: number,
  fullMarksAt: number | null,
  rate = ratio(part, whole),
): Measured {
  const full = fullMarksAt !== null && fullMarksAt > 0 ? fullMarksAt / 100 : 1;
  return { actual: part, target: whole, rate, score: rate === null ? null : clamp((rate / full) * 100) };
}

/** Budget execution: 100 within budget, −2 points per 1 % over, 0 from 150 %. */
export function budgetScore(spent: number, budget: number | null): Measured {
  const rate = budget === null ? null : budgetExecution(spent, budget);
  if (rate === null) return { actual: spent, target: budget, rate: null, score: null };
  return { actual: spent, target: budget, rate, score: rate <= 1 ? 100 : clamp(100 - (rate - 1) * 200) };
}

/** 拜访量 × 成功率 against fullMarksAt successful visits a month over the period's months. */
export function visitsTimesSuccessScore(f: ScorecardFigures, fullMarksAt: number | null): Measured {
  const value = visitsTimesSuccess(f.visits, f.visitsAdvanced, f.visitsWithOutcome);
  const heads = f.heads ?? 1;
  const target =
    fullMarksAt !== null && fullMarksAt > 0 && f.months > 0 && heads > 0
      ? fullMarksAt * f.months * heads
      : null;
  const rate = value === null || target === null ? null : value / target;
  return { actual: value, target, rate, score: rate === null ? null : clamp(rate * 100) };
}

/** One metric's value → score for a person. */
export function measure(metric: ScorecardMetric, f: ScorecardFigures, fullMarksAt: number | null): Measured {
  switch (metric) {
    case "REVENUE_ACHIEVEMENT":
      return achievementScore(f.revenue, f.targets.REVENUE);
    case "COLLECTION_ACHIEVEMENT":
      return achievementScore(f.collections, f.targets.COLLECTIONS);
    case "NEW_ACCOUNTS_ACHIEVEMENT":
      return achievementScore(f.newAccounts, f.targets.NEW_ACCOUNTS);
    case "VISIT_ACHIEVEMENT":
      return achievementScore(f.visits, f.targets.VISITS);
    case "TASK_COMPLETION":
      return rateScore(
        f.followUpsOnTime,
        f.followUpsDue,
        fullMarksAt,
        taskCompletion(f.followUpsOnTime, f.followUpsDue),
      );
    case "VISITS_TIMES_SUCCESS":
      return visitsTimesSuccessScore(f, fullMarksAt);
    case "WIN_RATE":
      return rateScore(f.dealsWon, f.dealsClosed, fullMarksAt, winRate(f.dealsWon, f.dealsClosed));
    case "BUDGET_EXECUTION":
      return budgetScore(f.budget.spent, f.budget.budget);
    case "RISK_CONTROL": {
      const overdueShare = ratio(f.accountsOverdue, f.accounts);
      const healthy = f.accounts - f.accountsOverdue;
      return rateScore(healthy, f.accounts, fullMarksAt, overdueShare === null ? null : 1 - overdueShare);
    }
    case "CUSTOMER_SATISFACTION": {
      const index = f.satisfaction ? satisfactionIndex(f.satisfaction.csat, f.satisfaction.nps) : null;
      return index === null ? NOT_MEASURED : { actual: index, target: null, rate: null, score: clamp(index) };
    }
  }
}

export type ScorecardRole = "manager" | "kam" | "rep";

/** An indicator as the administrator set it. */
export type Indicator = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  metric: ScorecardMetric;
  fullMarksAt: number | null;
  weightManager: number;
  weightKam: number;
  weightRep: number;
};

export const weightFor = (i: Indicator, role: ScorecardRole) =>
  role === "manager" ? i.weightManager : role === "kam" ? i.weightKam : i.weightRep;

/** A scored indicator line: what the scorecard and a frozen review show. */
export type ScoredIndicator = Measured & {
  code: string;
  name: string;
  nameEn: string;
  metric: ScorecardMetric;
  unit: ScorecardUnit;
  fullMarksAt: number | null;
  weight: number;
  /** The points it adds to the weighted score (score × weight ÷ the measured weights); null if not measured. */
  contribution: number | null;
};

export type ScoredCard = {
  indicators: ScoredIndicator[];
  /** 0–100, or null when nothing weighted could be measured. */
  weightedScore: number | null;
  /** The weights that counted (measured, > 0) and all the role's weights. */
  measuredWeight: number;
  totalWeight: number;
};

/** Scores every indicator the role is weighted on (weight 0 → left out) and the weighted score. */
export function scoreCard(
  indicators: readonly Indicator[],
  role: ScorecardRole,
  f: ScorecardFigures,
): ScoredCard {
  const lines = indicators
    .filter((i) => weightFor(i, role) > 0)
    .map((i) => ({ i, weight: weightFor(i, role), m: measure(i.metric, f, i.fullMarksAt) }));
  const measuredWeight = lines.filter((l) => l.m.score !== null).reduce((s, l) => s + l.weight, 0);
  const totalWeight = lines.reduce((s, l) => s + l.weight, 0);
  return {
    indicators: lines.map(({ i, weight, m }) => ({
      ...m,
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      metric: i.metric,
      unit: METRIC_UNIT[i.metric],
      fullMarksAt: i.fullMarksAt,
      weight,
      contribution: m.score === null || measuredWeight === 0 ? null : (m.score * weight) / measuredWeight,
    })),
    weightedScore: weightedScore(lines.map((l) => ({ score: l.m.score, weight: l.weight }))),
    measuredWeight,
    totalWeight,
  };
}

/** Each role's weight total (the admin page warns when one is not 100). */
export function weightTotals(indicators: readonly Indicator[]): Record<ScorecardRole, number> {
  const sum = (role: ScorecardRole) =>
    Math.round(indicators.reduce((s, i) => s + weightFor(i, role), 0) * 100) / 100;
  return { manager: sum("manager"), kam: sum("kam"), rep: sum("rep") };
}

/**
 * The recommended indicator system (推荐指标), each role's weights adding to 100. Revenue achievement
 * leads for everyone; a manager carries more of the team's collections and budget, a rep more of the
 * daily work (follow-ups on time, successful visits); risk control (accounts left without contact)
 * weighs most for the KAM who owns the key accounts. Customer satisfaction (measured from survey
 * answers) is listed at 0: an administrator weighs it in once surveys go out regularly. 8 successful visits a month earn a rep full marks for 拜访量 × 成功率 (about
 * two a week: one in three of a rep's ~25 monthly visits advancing the account).
 */
export const RECOMMENDED_INDICATORS: Omit<Indicator, "id">[] = [
  {
    code: "revenue",
    name: "销售目标达成率",
    nameEn: "Revenue target achievement",
    metric: "REVENUE_ACHIEVEMENT",
    fullMarksAt: null,
    weightManager: 40,
    weightKam: 35,
    weightRep: 30,
  },
  {
    code: "collections",
    name: "回款达成率",
    nameEn: "Collections achievement",
    metric: "COLLECTION_ACHIEVEMENT",
    fullMarksAt: null,
    weightManager: 15,
    weightKam: 15,
    weightRep: 10,
  },
  {
    code: "tasks",
    name: "任务完成率",
    nameEn: "Task completion",
    metric: "TASK_COMPLETION",
    fullMarksAt: 100,
    weightManager: 10,
    weightKam: 15,
    weightRep: 20,
  },
  {
    code: "visits-success",
    name: "拜访量×成功率",
    nameEn: "Visits × success rate",
    metric: "VISITS_TIMES_SUCCESS",
    fullMarksAt: 8,
    weightManager: 10,
    weightKam: 15,
    weightRep: 25,
  },
  {
    code: "budget",
    name: "费用预算执行率",
    nameEn: "Budget execution",
    metric: "BUDGET_EXECUTION",
    fullMarksAt: null,
    weightManager: 15,
    weightKam: 5,
    weightRep: 5,
  },
  {
    code: "risk",
    name: "风险控制",
    nameEn: "Risk control",
    metric: "RISK_CONTROL",
    fullMarksAt: 100,
    weightManager: 10,
    weightKam: 15,
    weightRep: 10,
  },
  {
    code: "satisfaction",
    name: "客户满意度",
    nameEn: "Customer satisfaction",
    metric: "CUSTOMER_SATISFACTION",
    fullMarksAt: null,
    weightManager: 0,
    weightKam: 0,
    weightRep: 0,
  },
];

export const REVIEW_RATINGS = ["EXCELLENT", "GOOD", "MEETS", "NEEDS_IMPROVEMENT", "UNSATISFACTORY"] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/**
 * A scorecard as the page shows it and as a review freezes it (PerformanceReview.snapshot): every
 * name, weight and figure at the time, so the review reads the same whatever changes later.
 * `basis` "team": a manager is scored on their team subtree's figures against the team's target.
 */
export type ScorecardSnapshot = {
  schema: 1;
  person: { id: string; name: string; jobTitle: string | null; role: ScorecardRole };
  team: { id: string; name: string; nameZh: string | null } | null;
  period: { kind: string; start: string; end: string; key: string };
  computedOn: string;
  basis: "person" | "team";
  indicators: ScoredIndicator[];
  weightedScore: number | null;
  measuredWeight: number;
  totalWeight: number;
  /** Rank among the peers (same team; managers: the managers of the sibling teams), of `peers`. */
  rank: number | null;
  peers: number;
};

/** The last quarter that has ended by `today` (the usual period of a quarterly review). */
export function lastCompleteQuarter(today: IsoDate): Period {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
}

/**
 * The periods a review is usually opened for, newest first: this quarter and the four before,
 * the last six months, this year and last year.
 */
export function reviewPeriodOptions(today: IsoDate): Period[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const quarters: Period[] = [];
  let qy = y;
  let q = Math.floor((m - 1) / 3) + 1;
  for (let i = 0; i < 5; i++) {
    quarters.push(quarterPeriod(qy, q));
    if (--q === 0) [qy, q] = [qy - 1, 4];
  }
  const months: Period[] = [];
  let my = y;
  let mm = m;
  for (let i = 0; i < 6; i++) {
    months.push(monthPeriod(my, mm));
    if (--mm === 0) [my, mm] = [my - 1, 12];
  }
  return [...quarters, ...months, yearPeriod(y), yearPeriod(y - 1)];
}
