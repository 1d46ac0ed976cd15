// Visits (客户拜访): the vocabulary and settings every part of the capability shares — methods,
// statuses, the admin's settings, and the contact cadence that decides when an account is overdue
// (该联系却没联系). Pure: dates are China calendar dates (IsoDate), instants are passed in.
import { addDays, chinaDate, daysBetween, type IsoDate } from "./calendar";

export const VISIT_METHODS = ["IN_PERSON", "PHONE", "VIDEO", "SEMINAR", "HOSTING"] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

export const VISIT_OUTCOMES = ["ADVANCED", "NO_PROGRESS", "SETBACK"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const PLAN_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "DONE", "CANCELLED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** What a person sees: the stored status, or "MISSED" for a plan whose time passed without a record. */
export type PlanDisplayStatus = PlanStatus | "MISSED";

export const REQUEST_KINDS = ["GIFT", "RECEPTION"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ["SUBMITTED", "APPROVED", "RETURNED", "CANCELLED"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type Tier = "A" | "B" | "C";

/** The admin's visit settings (one row). Money in fen. */
export type VisitSettings = {
  approvalTiers: Tier[];
  approvalCostThreshold: bigint;
  approvalForHosting: boolean;
  directorThreshold: bigint;
  giftApprovalThreshold: bigint;
  giftYearCapPerContact: bigint;
  giftYearCapPerAccount: bigint;
  followUpDays: number;
  cadenceDaysA: number;
  cadenceDaysB: number;
  cadenceDaysC: number;
  checkInRadiusM: number;
};

export const DEFAULT_VISIT_SETTINGS: VisitSettings = {
  approvalTiers: ["A"],
  approvalCostThreshold: 200_000n,
  approvalForHosting: true,
  directorThreshold: 2_000_000n,
  giftApprovalThreshold: 50_000n,
  giftYearCapPerContact: 200_000n,
  giftYearCapPerAccount: 1_000_000n,
  followUpDays: 7,
  cadenceDaysA: 14,
  cadenceDaysB: 30,
  cadenceDaysC: 90,
  checkInRadiusM: 1000,
};

/** A plan approved or waiting whose end has passed with no record was missed; nothing stores that. */
export function planDisplayStatus(
  plan: { status: PlanStatus; plannedEnd: Date; hasRecord: boolean },
  now: Date,
): PlanDisplayStatus {
  const open = plan.status === "APPROVED" || plan.status === "SUBMITTED";
  return open && !plan.hasRecord && plan.plannedEnd.getTime() < now.getTime() ? "MISSED" : plan.status;
}

/** How many days may pass between contacts with an account of this tier. */
export function cadenceDays(
  tier: Tier,
  settings: Pick<VisitSettings, "cadenceDaysA" | "cadenceDaysB" | "cadenceDaysC">,
) {
  return tier === "A" ? settings.cadenceDaysA : tier === "B" ? settings.cadenceDaysB : settings.cadenceDaysC;
}

/**
 * The China calendar date by which the account must be contacted again: its last contact (or, never
 * contacted, the day it was created) plus its tier's cadence. Stored on the account so the overdue
 * lists are a range scan; recomputed when a record lands, changes or goes, the tier changes, or the
 * cadence setting changes.
 */
export function contactDueOn(
  account: { tier: Tier; lastContactAt: Date | null; createdAt: Date },
  settings: Pick<VisitSettings, "cadenceDaysA" | "cadenceDaysB" | "cadenceDaysC">,
): IsoDate {
  const from = chinaDate(account.lastContactAt ?? account.createdAt);
  return addDays(from, cadenceDays(account.tier, settings));
}

/** Days past due on `today` (a China calendar date); 0 or less means not overdue. */
export function daysOverdue(dueOn: IsoDate, today: IsoDate): number {
  return daysBetween(dueOn, today);
}
