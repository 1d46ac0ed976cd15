// 渠道冲突 case workflow: negotiation (协商) → mediation (调解) → arbitration (仲裁) → resolved.
//
// Who decides what (DOMAIN.md §4, seeds 000/003: "根据冲突性质和影响程度，制定相应的解决策略，如协商、
// 调解、仲裁"): the distributors' channel manager talks to the parties first — they negotiate, may
// settle the case there with a negotiated outcome, and hand it up to mediation when talks fail.
// Mediation and arbitration put the company's authority behind the decision, so every decision from
// mediation on (settling it, escalating to arbitration) is a manager's (`channel.approve`), and so
// is terminating a distributor, whatever the step. A resolved case is reopened only by a manager.
// Pure rules: the data layer (lib/data/channel-conflicts/) enforces them with the viewer's rights.

export const CONFLICT_KINDS = ["CROSS_TERRITORY", "BELOW_FLOOR_PRICE", "CUSTOMER_OVERLAP"] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_STATUSES = ["NEGOTIATION", "MEDIATION", "ARBITRATION", "RESOLVED"] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export const OPEN_STATUSES = ["NEGOTIATION", "MEDIATION", "ARBITRATION"] as const;

export const CONFLICT_OUTCOMES = [
  "NO_ACTION",
  "WARNING",
  "REBATE_DEDUCTION",
  "COMPENSATION",
  "TERRITORY_CHANGE",
  "TERMINATION",
] as const;
export type ConflictOutcome = (typeof CONFLICT_OUTCOMES)[number];

export const CONFLICT_ACTIONS = ["escalate", "resolve", "reopen", "analyse"] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];

/** What the acting person may do on channel cases: keep them (channel.write) or decide (channel.approve). */
export type ConflictRights = { write: boolean; approve: boolean };

/** The next step up the ladder, or null at the top (arbitration) and once resolved. */
export function nextStep(status: ConflictStatus): ConflictStatus | null {
  if (status === "NEGOTIATION") return "MEDIATION";
  if (status === "MEDIATION") return "ARBITRATION";
  return null;
}

export function isOpen(status: ConflictStatus): boolean {
  return status !== "RESOLVED";
}

/** May a person with `rights` take `action` on a case at `status`? (Outcome-specific rules: checkResolve.) */
export function mayAct(action: ConflictAction, status: ConflictStatus, rights: ConflictRights): boolean {
  if (!rights.write && !rights.approve) return false;
  switch (action) {
    case "analyse":
      return isOpen(status);
    case "escalate":
      // Handing a failed negotiation to mediation is the channel manager's call; escalating a
      // failed mediation to arbitration is the manager's.
      if (status === "NEGOTIATION") return true;
      return status === "MEDIATION" && rights.approve;
    case "resolve":
      if (status === "NEGOTIATION") return true;
      return isOpen(status) && rights.approve;
    case "reopen":
      return status === "RESOLVED" && rights.approve;
  }
}

/** The actions to offer at `status`, in the order the page shows them. */
export function availableActions(status: ConflictStatus, rights: ConflictRights): ConflictAction[] {
  return (["analyse", "escalate", "resolve", "reopen"] as const).filter((a) => mayAct(a, status, rights));
}

/**
 * Outcomes that may carry money (fen): a warning may come with a fine (警告并处罚款) or none; a
 * rebate deduction and a compensation are nothing without their amount.
 */
export const OUTCOMES_WITH_AMOUNT: readonly ConflictOutcome[] = [
  "WARNING",
  "REBATE_DEDUCTION",
  "COMPENSATION",
];

export function outcomeNeedsAmount(outcome: ConflictOutcome): boolean {
  return outcome === "REBATE_DEDUCTION" || outcome === "COMPENSATION";
}

/** Outcomes only a manager may impose (termination ends the cooperation). */
export function outcomeNeedsManager(outcome: ConflictOutcome): boolean {
  return outcome === "TERMINATION";
}

export type ResolveInput = {
  outcome: ConflictOutcome | null;
  amount: bigint | null;
  outcomeNote: string | null;
  causeAnalysis: string | null;
  preventionNote: string | null;
};

export type ResolveField = "outcome" | "outcomeAmount" | "outcomeNote" | "causeAnalysis";
export type ResolveProblem =
  | { field: ResolveField; problem: "required" | "notAllowed" | "positive" }
  | { field: "status"; problem: "closed" }
  | { field: "outcome"; problem: "managerOnly" };

/**
 * What keeps a case from being resolved with `input`: a cause analysis (recorded before or given
 * now) and an outcome; an amount above zero for the outcomes with money and none for the others; a
 * note saying what changes for a territory change. The prevention note (防范机制) is encouraged,
 * not required (not every case teaches something). Empty means it may be resolved.
 */
export function checkResolve(
  status: ConflictStatus,
  input: ResolveInput,
  recordedCause: string | null,
  rights: ConflictRights,
): ResolveProblem[] {
  if (!isOpen(status)) return [{ field: "status", problem: "closed" }];
  const problems: ResolveProblem[] = [];
  if (!(input.causeAnalysis ?? recordedCause)?.trim())
    problems.push({ field: "causeAnalysis", problem: "required" });
  if (!input.outcome) return [...problems, { field: "outcome", problem: "required" }];
  if (outcomeNeedsManager(input.outcome) && !rights.approve)
    problems.push({ field: "outcome", problem: "managerOnly" });
  if (outcomeNeedsAmount(input.outcome) && input.amount === null) {
    problems.push({ field: "outcomeAmount", problem: "required" });
  } else if (OUTCOMES_WITH_AMOUNT.includes(input.outcome) && input.amount !== null) {
    if (input.amount <= 0n) problems.push({ field: "outcomeAmount", problem: "positive" });
  } else if (input.amount !== null) {
    problems.push({ field: "outcomeAmount", problem: "notAllowed" });
  }
  if (input.outcome === "TERRITORY_CHANGE" && !input.outcomeNote?.trim())
    problems.push({ field: "outcomeNote", problem: "required" });
  return problems;
}

/**
 * The step a reopened case returns to: the one it was resolved from (the decision is taken up
 * again where it was made), negotiation when that is unknown.
 */
export function reopenStep(resolvedFrom: ConflictStatus | null | undefined): ConflictStatus {
  return resolvedFrom && resolvedFrom !== "RESOLVED" ? resolvedFrom : "NEGOTIATION";
}

// ── SLA and age ───────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;

/**
 * How long a case may have been open, in days since it opened, while it sits at each step: a
 * negotiation should settle within two weeks, a mediation within a month, an arbitration within
 * two months.
 */
export const CONFLICT_SLA_DAYS: Record<(typeof OPEN_STATUSES)[number], number> = {
  NEGOTIATION: 14,
  MEDIATION: 30,
  ARBITRATION: 60,
};

export type ConflictAge = { days: number; limitDays: number | null; overdue: boolean };

/** Whole days a case has been open (until it was resolved), and whether its step's SLA ran out. */
export function conflictAge(
  c: { status: ConflictStatus; openedAt: Date; resolvedAt: Date | null },
  now: Date,
): ConflictAge {
  const end = c.status === "RESOLVED" && c.resolvedAt ? c.resolvedAt : now;
  const days = Math.max(0, Math.floor((end.getTime() - c.openedAt.getTime()) / DAY));
  if (c.status === "RESOLVED") return { days, limitDays: null, overdue: false };
  const limitDays = CONFLICT_SLA_DAYS[c.status];
  return { days, limitDays, overdue: days > limitDays };
}

// ── Scorecard ─────────────────────────────────────────────────────────────────────────────────

/**
 * Penalty points of a resolved case's outcome on the offending distributor's scorecard: nothing
 * when it was found blameless, more the heavier the sanction.
 */
export function outcomePenalty(outcome: ConflictOutcome | null): number {
  switch (outcome) {
    case "WARNING":
      return 10;
    case "REBATE_DEDUCTION":
    case "TERRITORY_CHANGE":
      return 20;
    case "COMPENSATION":
      return 30;
    case "TERMINATION":
      return 100;
    default:
      return 0;
  }
}

/** A still-open case costs this much: the conflict is real, its outcome not known yet. */
export const OPEN_CASE_PENALTY = 5;

export type ScoredCase = { status: ConflictStatus; outcome: ConflictOutcome | null };

export type ConflictScoreImpact = {
  open: number;
  resolved: number;
  penalty: number;
  /** The scorecard's conflicts factor, 0–100 (100 = no conflicts). */
  points: number;
};

/**
 * How the cases in which a distributor was the offending party (in one scorecard period) count:
 * each open case and each resolved outcome takes its penalty off 100, never below 0.
 */
export function conflictScoreImpact(cases: readonly ScoredCase[]): ConflictScoreImpact {
  let open = 0;
  let resolved = 0;
  let penalty = 0;
  for (const c of cases) {
    if (c.status === "RESOLVED") {
      resolved++;
      penalty += outcomePenalty(c.outcome);
    } else {
      open++;
      penalty += OPEN_CASE_PENALTY;
    }
  }
  return { open, resolved, penalty, points: Math.max(0, 100 - penalty) };
}

/** The subject an open key names for a case of `kind`: the territory, the product or the key account. */
export function conflictSubject(
  kind: ConflictKind,
  c: { territoryId: string | null; productId: string | null; accountId: string | null },
): string | null {
  if (kind === "CROSS_TERRITORY") return c.territoryId;
  if (kind === "BELOW_FLOOR_PRICE") return c.productId;
  return c.accountId;
}
