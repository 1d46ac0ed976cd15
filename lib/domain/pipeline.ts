// 大客户开发流程: the five development stages, the gate that lets a deal leave each stage, the moves a
// person may make on the board, and the pipeline figures. Pure rules; the server enforces them and the
// UI only explains them.
import type { MarkAnswer } from "./qualification";
import { chinaDate, chinaToday, type IsoDate } from "./calendar";

export const DEAL_STAGES = ["TARGET", "INFORMATION", "VALUE", "RELATIONSHIP", "CLOSING"] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const DEAL_STATUSES = ["OPEN", "WON", "LOST", "TERMINATED"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
/** Where a card can be dropped: a stage, or one of the two outcomes. */
export type BoardColumn = DealStage | "WON" | "LOST";
export const BOARD_COLUMNS: readonly BoardColumn[] = [...DEAL_STAGES, "WON", "LOST"];

/** Is the column one of the five stages (not 赢单/丢单)? */
export const isStageColumn = (column: BoardColumn): column is DealStage =>
  (DEAL_STAGES as readonly string[]).includes(column);

export const stageNumber = (stage: DealStage) => DEAL_STAGES.indexOf(stage) + 1;

/** Likelihood of closing by stage, used when the deal has no explicit probability yet. */
export const DEFAULT_STAGE_PROBABILITY: Record<DealStage, number> = {
  TARGET: 10,
  INFORMATION: 20,
  VALUE: 40,
  RELATIONSHIP: 60,
  CLOSING: 80,
};

export type PipelineSettings = {
  staleDays: number;
  minDecisionMakerStrength: number;
  renewalWindowDays: number;
};
export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  staleDays: 30,
  minDecisionMakerStrength: 4,
  renewalWindowDays: 60,
};

export type Obstacle = { obstacle: string; counterMeasure: string };
export type ProgrammeStep = { step: string; ownerId: string; due: string; done: boolean };

/** What the gates read: the deal's stage work plus a summary of the account's contacts. */
export type GateInput = {
  opportunity: MarkAnswer;
  sampleItem: string | null;
  sampleSentOn: Date | string | null;
  sampleSpecAgreed: boolean;
  sampleAccepted: MarkAnswer;
  sampleTechOwner: string | null;
  informationSufficient: boolean;
  needsClear: boolean;
  closeProbability: number | null;
  obstacles: readonly Obstacle[];
  expectedDevCost: bigint | number | null;
  programme: readonly ProgrammeStep[];
  seniorMeetingHeld: boolean;
  siteAuditDone: boolean;
  systemSupportArranged: boolean;
  /** Contacts with the 内线 (COACH) role on the account. */
  coachCount: number;
  /** Contacts with the 决策者 role on the account. */
  decisionMakers: number;
  /** Decision makers whose relationship is below the minimum or who have no influence plan (公关策略). */
  weakDecisionMakers: number;
};

/** Every item a gate can check; each has a label in the `pipeline.gate` messages. */
export const GATE_ITEMS = {
  TARGET: ["opportunityYes"],
  INFORMATION: ["sampleProvided", "insideContact", "informationSufficient", "needsClear"],
  VALUE: ["probability", "obstacles", "devCost", "programme"],
  RELATIONSHIP: ["decisionMakerIdentified", "decisionMakersStrong"],
  CLOSING: ["seniorMeeting", "siteAudit", "systemSupport"],
} as const satisfies Record<DealStage, readonly string[]>;
export type GateItem = (typeof GATE_ITEMS)[DealStage][number];

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;

/** What each gate item checks (one table, built once: the board checks thousands of cards). */
const GATE_CHECKS: Record<GateItem, (d: GateInput) => boolean> = {
  opportunityYes: (d) => d.opportunity === "YES",
  // Samples meeting the agreed spec, sent, accepted by the customer, with an accountable engineer.
  sampleProvided: (d) =>
    filled(d.sampleItem) &&
    (d.sampleSentOn instanceof Date ? !Number.isNaN(d.sampleSentOn.getTime()) : filled(d.sampleSentOn)) &&
    d.sampleSpecAgreed &&
    d.sampleAccepted === "YES" &&
    filled(d.sampleTechOwner),
  insideContact: (d) => d.coachCount > 0,
  informationSufficient: (d) => d.informationSufficient,
  needsClear: (d) => d.needsClear,
  probability: (d) => d.closeProbability !== null,
  obstacles: (d) =>
    d.obstacles.length > 0 && d.obstacles.every((o) => filled(o.obstacle) && filled(o.counterMeasure)),
  devCost: (d) => d.expectedDevCost !== null,
  programme: (d) =>
    d.programme.length > 0 && d.programme.every((s) => filled(s.step) && filled(s.ownerId) && filled(s.due)),
  decisionMakerIdentified: (d) => d.decisionMakers > 0,
  decisionMakersStrong: (d) => d.decisionMakers > 0 && d.weakDecisionMakers === 0,
  seniorMeeting: (d) => d.seniorMeetingHeld,
  siteAudit: (d) => d.siteAuditDone,
  systemSupport: (d) => d.systemSupportArranged,
};

/** The gate checklist of `stage`: each item with whether it is met. */
export function gateChecklist(stage: DealStage, d: GateInput): { item: GateItem; met: boolean }[] {
  return GATE_ITEMS[stage].map((item) => ({ item, met: GATE_CHECKS[item](d) }));
}

export const unmetGate = (stage: DealStage, d: GateInput): GateItem[] =>
  gateChecklist(stage, d)
    .filter((i) => !i.met)
    .map((i) => i.item);

/** Is a decision maker weak for the stage-4 gate? */
export const isWeakDecisionMaker = (
  c: { relationshipStrength: number; approach: string | null },
  minStrength: number,
) => c.relationshipStrength < minStrength || !filled(c.approach);

export type MoveRequest = {
  from: DealStage;
  status: DealStatus;
  to: BoardColumn;
  gate: GateInput;
  canOverride: boolean;
  /** The written reason for passing unmet gates (managers only). */
  overrideReason?: string | null;
  /** Required when the deal is lost (an id from the managed list). */
  lostReasonId?: string | null;
};

export type MoveDecision =
  | {
      ok: true;
      kind: "forward" | "back" | "won" | "lost";
      /** Gate items passed by a manager's override (empty when every gate was met). */
      overridden: { stage: DealStage; item: GateItem }[];
    }
  | {
      ok: false;
      reason:
        | "closed"
        | "sameStage"
        | "gateUnmet"
        | "overrideReasonRequired"
        | "wonOnlyFromClosing"
        | "lostReasonRequired";
      unmet?: { stage: DealStage; item: GateItem }[];
    };

/**
 * May a deal move to `to`? Forward moves must pass the gate of every stage they leave (a drop from
 * stage 1 onto stage 3 checks gates 1 and 2); a manager may pass unmet gates with a written reason.
 * Moving back needs no gate (the decision maker changed, say). Won is only reached from 促成成交 through
 * its gate; lost can happen at any stage and needs a reason from the managed list.
 */
export function checkMove(req: MoveRequest): MoveDecision {
  if (req.status !== "OPEN") return { ok: false, reason: "closed" };
  if (req.to === "LOST") {
    if (!req.lostReasonId) return { ok: false, reason: "lostReasonRequired" };
    return { ok: true, kind: "lost", overridden: [] };
  }
  if (req.to === "WON" && req.from !== "CLOSING") return { ok: false, reason: "wonOnlyFromClosing" };
  if (req.to === req.from) return { ok: false, reason: "sameStage" };
  const fromN = stageNumber(req.from);
  const toN = req.to === "WON" ? DEAL_STAGES.length + 1 : stageNumber(req.to);
  if (toN < fromN) return { ok: true, kind: "back", overridden: [] };
  const unmet = DEAL_STAGES.slice(fromN - 1, toN - 1).flatMap((stage) =>
    unmetGate(stage, req.gate).map((item) => ({ stage, item })),
  );
  const kind = req.to === "WON" ? "won" : "forward";
  if (unmet.length === 0) return { ok: true, kind, overridden: [] };
  if (!req.canOverride) return { ok: false, reason: "gateUnmet", unmet };
  if (!filled(req.overrideReason)) return { ok: false, reason: "overrideReasonRequired", unmet };
  return { ok: true, kind, overridden: unmet };
}

/**
 * A move refused at a gate, as data: the unmet items by their ids in GATE_ITEMS (each worded under
 * `gate.items` in the catalogues), so the client says them in the person's language and ticks them
 * off its checklist without comparing words.
 */
export type GateRefusal = { code: "GATE_UNMET"; unmet: GateItem[] };

export const gateRefusal = (unmet: readonly { item: GateItem }[]): GateRefusal => ({
  code: "GATE_UNMET",
  unmet: unmet.map((u) => u.item),
});

/** The stages whose gates a forward move from `from` to `to` passes (none for a move back). */
export function stagesToPass(from: DealStage, to: DealStage | "WON"): DealStage[] {
  const toN = to === "WON" ? DEAL_STAGES.length + 1 : stageNumber(to);
  return DEAL_STAGES.slice(stageNumber(from) - 1, Math.max(stageNumber(from) - 1, toN - 1));
}

/**
 * The checklists of the gates a forward move from `from` to `to` passes (each stage it leaves),
 * every item met unless `unmet` names it: how the board shows the server's refusal.
 */
export function gatesPassed(
  from: DealStage,
  to: DealStage | "WON",
  unmet: readonly GateItem[],
): { stage: DealStage; items: { item: GateItem; met: boolean }[] }[] {
  const toN = to === "WON" ? DEAL_STAGES.length + 1 : stageNumber(to);
  return DEAL_STAGES.slice(stageNumber(from) - 1, toN - 1).map((stage) => ({
    stage,
    items: GATE_ITEMS[stage].map((item: GateItem) => ({ item, met: !unmet.includes(item) })),
  }));
}

/** Terminating (the opportunity judgement is "no", or the campaign is dropped) needs a reason. */
export function checkTerminate(status: DealStatus, reason: string | null | undefined) {
  if (status !== "OPEN") return { ok: false as const, reason: "closed" as const };
  if (!filled(reason)) return { ok: false as const, reason: "reasonRequired" as const };
  return { ok: true as const };
}

const DAY = 86_400_000;
export const daysBetween = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));

export const isStale = (stageEnteredAt: Date, now: Date, staleDays: number) =>
  daysBetween(stageEnteredAt, now) > staleDays;

/**
 * Is an open deal past its expected close date? The date is a calendar day in China: a deal due
 * today is not overdue until tomorrow begins in Beijing, whatever the server's zone. Closed deals
 * never are (they closed).
 */
export const isOverdue = (d: { status: DealStatus; expectedCloseDate: IsoDate | null }, now: Date) =>
  d.status === "OPEN" && d.expectedCloseDate !== null && d.expectedCloseDate < chinaDate(now);

export type StageTransition = {
  fromStage: DealStage | null;
  toStage: DealStage;
  toStatus: DealStatus;
  createdAt: Date;
};

/**
 * Each stay in a stage, from the history (oldest first): the stage, when it was entered and left
 * (null while the deal is still open in it), and the days spent. A deal can visit a stage twice.
 */
export function stageStays(history: readonly StageTransition[], now: Date) {
  const sorted = [...history].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const stays: { stage: DealStage; enteredAt: Date; leftAt: Date | null; days: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (t.toStatus !== "OPEN") continue; // closing transitions end a stay, they start none
    const leftAt = sorted[i + 1]?.createdAt ?? null;
    stays.push({
      stage: t.toStage,
      enteredAt: t.createdAt,
      leftAt,
      days: daysBetween(t.createdAt, leftAt ?? now),
    });
  }
  return stays;
}

/** Total days spent in each stage (all visits added up). */
export function daysPerStage(history: readonly StageTransition[], now: Date): Record<DealStage, number> {
  const out = Object.fromEntries(DEAL_STAGES.map((s) => [s, 0])) as Record<DealStage, number>;
  for (const s of stageStays(history, now)) out[s.stage] += s.days;
  return out;
}

// ── Pipeline figures ─────────────────────────────────────────────────────────────────────────────

export type DealForFigures = {
  stage: DealStage;
  status: DealStatus;
  expectedValue: number; // yuan
  closeProbability: number | null;
  stageEnteredAt: Date;
  /** YYYY-MM-DD (a calendar day in China), or none. */
  expectedCloseDate: IsoDate | null;
  /** The furthest stage the deal ever reached. */
  furthestStage: DealStage;
  history: readonly StageTransition[];
};

export const probabilityOf = (d: { stage: DealStage; closeProbability: number | null }) =>
  d.closeProbability ?? DEFAULT_STAGE_PROBABILITY[d.stage];

export const weightedValue = (d: {
  stage: DealStage;
  closeProbability: number | null;
  expectedValue: number;
}) => (d.expectedValue * probabilityOf(d)) / 100;

export type PipelineFigures = {
  /** Of the deals that reached stage n, the share that reached stage n+1 (null with none). */
  conversion: { from: DealStage; to: DealStage; reached: number; advanced: number; rate: number | null }[];
  /** Won / (won + lost); terminated deals (no opportunity) are not counted. */
  winRate: number | null;
  won: number;
  lost: number;
  /** Mean days of a completed stay in each stage (null with none). */
  averageDays: Record<DealStage, number | null>;
  openCount: number;
  openValue: number;
  weightedValue: number;
  stuck: number;
  /** Open deals past their expected close date (isOverdue). */
  overdue: number;
};

/**
 * What the figures are worked out from: counts and sums over the deals. The board's data layer adds
 * them up in the database (lib/data/deals/figures.ts) the way pipelineTotals does here.
 */
export type PipelineTotals = {
  /** Per stage, in DEAL_STAGES order: the deals whose furthest stage is that one or a later one. */
  reached: readonly number[];
  won: number;
  lost: number;
  /** Completed stays in each stage: their days added up, and how many there were. */
  stays: Record<DealStage, { days: number; n: number }>;
  openCount: number;
  openValue: number;
  weightedValue: number;
  stuck: number;
  overdue: number;
};

export function pipelineTotals(
  deals: readonly DealForFigures[],
  now: Date,
  settings: Pick<PipelineSettings, "staleDays">,
): PipelineTotals {
  const stays = Object.fromEntries(DEAL_STAGES.map((s) => [s, { days: 0, n: 0 }])) as Record<
    DealStage,
    { days: number; n: number }
  >;
  for (const d of deals) {
    for (const stay of stageStays(d.history, now)) {
      if (stay.leftAt === null) continue;
      stays[stay.stage].days += stay.days;
      stays[stay.stage].n++;
    }
  }
  const open = deals.filter((d) => d.status === "OPEN");
  return {
    reached: DEAL_STAGES.map(
      (s) => deals.filter((d) => stageNumber(d.furthestStage) >= stageNumber(s)).length,
    ),
    won: deals.filter((d) => d.status === "WON").length,
    lost: deals.filter((d) => d.status === "LOST").length,
    stays,
    openCount: open.length,
    openValue: open.reduce((t, d) => t + d.expectedValue, 0),
    weightedValue: open.reduce((t, d) => t + weightedValue(d), 0),
    stuck: open.filter((d) => isStale(d.stageEnteredAt, now, settings.staleDays)).length,
    overdue: open.filter((d) => isOverdue(d, now)).length,
  };
}

/** The figures from the totals: conversion between stages, win rate and mean days per stage. */
export function figuresFromTotals(t: PipelineTotals): PipelineFigures {
  return {
    conversion: DEAL_STAGES.slice(0, -1).map((from, i) => {
      const reached = t.reached[i] ?? 0;
      const advanced = t.reached[i + 1] ?? 0;
      return { from, to: DEAL_STAGES[i + 1]!, reached, advanced, rate: reached ? advanced / reached : null };
    }),
    winRate: t.won + t.lost ? t.won / (t.won + t.lost) : null,
    won: t.won,
    lost: t.lost,
    averageDays: Object.fromEntries(
      DEAL_STAGES.map((s) => [s, t.stays[s].n ? t.stays[s].days / t.stays[s].n : null]),
    ) as Record<DealStage, number | null>,
    openCount: t.openCount,
    openValue: t.openValue,
    weightedValue: t.weightedValue,
    stuck: t.stuck,
    overdue: t.overdue,
  };
}

export const pipelineFigures = (
  deals: readonly DealForFigures[],
  now: Date,
  settings: Pick<PipelineSettings, "staleDays">,
): PipelineFigures => figuresFromTotals(pipelineTotals(deals, now, settings));

/** Totals of one board column: count, value and probability-weighted value. */
type ValuedDeal = { stage: DealStage; closeProbability: number | null; expectedValue: number };

export type ColumnTotals = { count: number; value: number; weighted: number };

export function columnTotals(deals: readonly ValuedDeal[]): ColumnTotals {
  return {
    count: deals.length,
    value: deals.reduce((t, d) => t + d.expectedValue, 0),
    weighted: deals.reduce((t, d) => t + weightedValue(d), 0),
  };
}

/**
 * A column's totals with one deal added (+1) or taken out (-1): how the board keeps the totals of a
 * column it has only partly loaded right while cards move.
 */
export function adjustTotals(totals: ColumnTotals, deal: ValuedDeal, sign: 1 | -1): ColumnTotals {
  return {
    count: totals.count + sign,
    value: totals.value + sign * deal.expectedValue,
    weighted: totals.weighted + sign * weightedValue(deal),
  };
}

// ── Agreements ───────────────────────────────────────────────────────────────────────────────────

/** Calendar days from today (in China) until an agreement's last day: 0 on it, negative after it. */
export const daysUntil = (end: Date, now: Date) =>
  // `|| 0`: never -0 (which Intl prints as "-0").
  Math.round((end.getTime() - chinaToday(now).getTime()) / DAY) || 0;

/** Is an agreement due for renewal: still running (or just ended) and ending within the window? */
export const dueForRenewal = (end: Date, now: Date, windowDays: number) => {
  const d = daysUntil(end, now);
  return d >= 0 && d <= windowDays;
};

/** The term in years by calendar anniversaries (end date inclusive), so a leap year is one year. */
function termYears(start: Date, end: Date): number {
  const stop = Math.max(start.getTime(), end.getTime()) + DAY;
  const anniversary = (n: number) =>
    Date.UTC(start.getUTCFullYear() + n, start.getUTCMonth(), start.getUTCDate());
  let years = new Date(stop).getUTCFullYear() - start.getUTCFullYear();
  if (anniversary(years) > stop) years--;
  return years + (stop - anniversary(years)) / (anniversary(years + 1) - anniversary(years));
}

/**
 * The agreement's value per year, for the account's purchase-volume input. A term shorter than a
 * year counts at its contract value (it is not scaled up to a year it does not cover).
 */
export function annualisedValue(contractValue: number, start: Date, end: Date): number {
  const years = termYears(start, end);
  return years >= 1 ? Math.round(contractValue / years) : contractValue;
}
