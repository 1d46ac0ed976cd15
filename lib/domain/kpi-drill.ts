// The records behind a dashboard figure. Every figure links to a drill-down (deals, visits,
// accounts) or to the ledger with the same period and scope in its address, so the list shows
// exactly the rows the figure counted. Pure: parsing is forgiving (a crafted value answers the
// default, never an error) and the same parse serves the page and its CSV export.
import { DEAL_STAGES, DEFAULT_STAGE_PROBABILITY, type DealStage } from "./pipeline";
import { periodKey, type Period } from "./kpi-period";
import { TIERS } from "./account-kinds";

/** Which deals a deal figure counted. */
export const DEAL_SETS = ["cohort", "won", "closed", "open", "stuck", "cycle"] as const;
export type DealSet = (typeof DEAL_SETS)[number];
/** Which visits a visit figure counted. */
export const VISIT_SETS = ["all", "withOutcome", "advanced"] as const;
export type VisitSet = (typeof VISIT_SETS)[number];
/** Which accounts an account figure counted. */
export const ACCOUNT_SETS = ["overdue", "newCustomers"] as const;
export type AccountSet = (typeof ACCOUNT_SETS)[number];
export const DRILL_TIERS = TIERS;
export type DrillTier = (typeof DRILL_TIERS)[number];

const oneOf = <T extends string>(list: readonly T[], value: string | null | undefined, fallback: T): T =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : fallback;
const optional = <T extends string>(list: readonly T[], value: string | null | undefined): T | null =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : null;

export type DealDrill = { set: DealSet; stage: DealStage | null };
export type VisitDrill = { set: VisitSet };
export type AccountDrill = { set: AccountSet; tier: DrillTier | null };

type Params = { get(key: string): string | null };

export const parseDealDrill = (p: Params): DealDrill => ({
  set: oneOf(DEAL_SETS, p.get("set"), "cohort"),
  stage: optional(DEAL_STAGES, p.get("stage")),
});
export const parseVisitDrill = (p: Params): VisitDrill => ({ set: oneOf(VISIT_SETS, p.get("set"), "all") });
export const parseAccountDrill = (p: Params): AccountDrill => ({
  set: oneOf(ACCOUNT_SETS, p.get("set"), "overdue"),
  tier: optional(DRILL_TIERS, p.get("tier")),
});

/** The scope as the URL names it: at most one of `team` / `person`. */
export type ScopeParams = { team?: string | null; person?: string | null };

/**
 * The URL parameters that carry a period and a scope, shared by the dashboard, its drill-downs and
 * the ledger (`period` or `from`/`to`; `team` or `person`).
 */
export function periodScopeParams(period: Period, scope: ScopeParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (period.kind === "custom") Object.assign(out, { from: period.start, to: period.end });
  else out.period = periodKey(period);
  if (scope.person) out.person = scope.person;
  else if (scope.team) out.team = scope.team;
  return out;
}

/** A link with the period, the scope and `extra` (null values dropped), in a stable order. */
export function drillHref(
  path: string,
  period: Period,
  scope: ScopeParams,
  extra: Record<string, string | null | undefined> = {},
): string {
  const params = new URLSearchParams(periodScopeParams(period, scope));
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A deal's weight in the pipeline: its stated close probability, or the stage's default when none
 * is given (a deal just entered at 目标客户 is worth less than one at 促成成交). Clamped to 0–100.
 */
export function dealProbability(stage: DealStage, closeProbability: number | null): number {
  const p = closeProbability ?? DEFAULT_STAGE_PROBABILITY[stage];
  return Math.min(100, Math.max(0, p));
}

/** 加权管道金额: Σ expectedValue × probability ÷ 100 (fen). */
export function weightedPipeline(
  deals: readonly { stage: DealStage; expectedValue: number; closeProbability: number | null }[],
): number {
  return deals.reduce(
    (s, d) => s + (d.expectedValue * dealProbability(d.stage, d.closeProbability)) / 100,
    0,
  );
}

/**
 * Deals of a creation cohort that reached each stage (furthest stage at or beyond it); won deals
 * count as having reached every stage. Indexes follow DEAL_STAGES.
 */
export function reachedByStage(
  cohort: readonly { furthestStage: DealStage; status: string; count: number }[],
): number[] {
  return DEAL_STAGES.map((_, i) =>
    cohort.reduce(
      (s, c) => s + (c.status === "WON" || DEAL_STAGES.indexOf(c.furthestStage) >= i ? c.count : 0),
      0,
    ),
  );
}
