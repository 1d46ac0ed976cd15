// Visit plans, gift and reception requests (客户拜访计划表, 礼品馈赠申请表, 客户接待申请表): which
// need approval (审批), who decides, which status changes are allowed, and the yearly gift totals
// that compliance warns about. Pure: the data layer supplies the rows and the settings.
import { chinaDayStart } from "./calendar";
import type { PlanStatus, RequestKind, RequestStatus, Tier, VisitMethod, VisitSettings } from "./visits";

// ── Which plans and requests need approval ─────────────────────────────────────────────────────

type PlanFacts = { tier: Tier; expectedCost: bigint | null; method: VisitMethod };

/** The reasons a plan needs its approver (empty: it is approved on submission). */
export function planApprovalReasons(
  plan: PlanFacts,
  settings: Pick<VisitSettings, "approvalTiers" | "approvalCostThreshold" | "approvalForHosting">,
): ("tier" | "cost" | "hosting")[] {
  const reasons: ("tier" | "cost" | "hosting")[] = [];
  if (settings.approvalTiers.includes(plan.tier)) reasons.push("tier");
  if ((plan.expectedCost ?? 0n) > settings.approvalCostThreshold) reasons.push("cost");
  if (plan.method === "HOSTING" && settings.approvalForHosting) reasons.push("hosting");
  return reasons;
}

export function planNeedsApproval(
  plan: PlanFacts,
  settings: Pick<VisitSettings, "approvalTiers" | "approvalCostThreshold" | "approvalForHosting">,
): boolean {
  return planApprovalReasons(plan, settings).length > 0;
}

/** Every reception needs approval; a gift only above the admin's threshold. */
export function requestNeedsApproval(
  request: { kind: RequestKind; amount: bigint },
  settings: Pick<VisitSettings, "giftApprovalThreshold">,
): boolean {
  return request.kind === "RECEPTION" || request.amount > settings.giftApprovalThreshold;
}

// ── Who approves ───────────────────────────────────────────────────────────────────────────────

export type TeamNode = { id: string; parentId: string | null; managerId: string | null };

/**
 * The approver of a plan (its expected cost) or a request (its amount): the manager of the owner's
 * team, or — above the director threshold — the manager of the team above (the director). A
 * manager never approves their own: when the owner is that manager, or the team has none, the
 * search goes one level further up. Null when nobody is found (the caller falls back to an admin).
 */
export function resolveApprover(args: {
  ownerId: string;
  teamId: string | null;
  amount: bigint | null;
  directorThreshold: bigint;
  teams: readonly TeamNode[];
}): string | null {
  const byId = new Map(args.teams.map((t) => [t.id, t]));
  const own = args.teamId ? byId.get(args.teamId) : undefined;
  if (!own) return null;
  const director = (args.amount ?? 0n) > args.directorThreshold;
  // With no team above, the top team's own manager is the director.
  let team: TeamNode | undefined = director && own.parentId ? byId.get(own.parentId) : own;
  const seen = new Set<string>();
  while (team && !seen.has(team.id)) {
    seen.add(team.id); // a cycle in bad data must not loop forever
    if (team.managerId && team.managerId !== args.ownerId) return team.managerId;
    team = team.parentId ? byId.get(team.parentId) : undefined;
  }
  return null;
}

// ── Plan status changes ────────────────────────────────────────────────────────────────────────

export type PlanAction = "edit" | "submit" | "decide" | "cancel" | "reschedule" | "delete";

const PLAN_ACTIONS: Record<PlanAction, readonly PlanStatus[]> = {
  // A submitted plan is frozen while its approver reads it; an approved one is only rescheduled.
  edit: ["DRAFT", "RETURNED"],
  submit: ["DRAFT", "RETURNED"],
  decide: ["SUBMITTED"],
  // Withdrawn while waiting, or called off once approved; a returned one may be dropped too.
  cancel: ["SUBMITTED", "APPROVED", "RETURNED"],
  // Moving an approved visit keeps its approval; the audit trail keeps the old time.
  reschedule: ["APPROVED"],
  // Only what never went ahead: drafts, returned and cancelled plans.
  delete: ["DRAFT", "RETURNED", "CANCELLED"],
};

export function canPlan(action: PlanAction, status: PlanStatus): boolean {
  return PLAN_ACTIONS[action].includes(status);
}

/** The status a submission leads to: waiting for the approver, or approved at once. */
export function submittedStatus(needsApproval: boolean): "SUBMITTED" | "APPROVED" {
  return needsApproval ? "SUBMITTED" : "APPROVED";
}

export function decidedStatus(decision: "approve" | "return"): "APPROVED" | "RETURNED" {
  return decision === "approve" ? "APPROVED" : "RETURNED";
}

/**
 * May a visit record close this plan (set it DONE)? Only an approved plan that has no record yet —
 * including one whose time passed (shown as missed): a late record still closes it.
 */
export function canClosePlan(plan: { status: PlanStatus; hasRecord: boolean; deleted?: boolean }): boolean {
  return plan.status === "APPROVED" && !plan.hasRecord && !plan.deleted;
}

// ── Request status changes ─────────────────────────────────────────────────────────────────────

export type RequestAction = "edit" | "decide" | "cancel" | "delete";

const REQUEST_ACTIONS: Record<RequestAction, readonly RequestStatus[]> = {
  edit: ["RETURNED"], // edited and submitted again
  decide: ["SUBMITTED"],
  cancel: ["SUBMITTED", "APPROVED", "RETURNED"],
  delete: ["RETURNED", "CANCELLED"],
};

export function canRequest(action: RequestAction, status: RequestStatus): boolean {
  return REQUEST_ACTIONS[action].includes(status);
}

// ── Gift compliance ────────────────────────────────────────────────────────────────────────────

/** Gifts that count toward the year's totals: approved and waiting ones (not returned or cancelled). */
export const COUNTED_GIFT_STATUSES = ["SUBMITTED", "APPROVED"] as const satisfies readonly RequestStatus[];

export function countsTowardGiftTotal(status: RequestStatus): boolean {
  return (COUNTED_GIFT_STATUSES as readonly RequestStatus[]).includes(status);
}

/** The China calendar year an instant falls in. */
export function chinaYear(instant: Date): number {
  return Number(new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
}

/** [start, end) of a China calendar year as instants, for filtering timestamps. */
export function chinaYearRange(year: number): { start: Date; end: Date } {
  const pad = (y: number) => String(y).padStart(4, "0");
  return { start: chinaDayStart(`${pad(year)}-01-01`), end: chinaDayStart(`${pad(year + 1)}-01-01`) };
}

type GiftRow = {
  kind: RequestKind;
  status: RequestStatus;
  amount: bigint;
  recipientContactId: string | null;
  createdAt: Date;
  deleted?: boolean;
};

/** The year's gift totals for one account's gifts: per recipient contact and for the whole account. */
export function giftYearTotals(
  gifts: readonly GiftRow[],
  year: number,
): { account: bigint; perContact: Map<string, bigint> } {
  let account = 0n;
  const perContact = new Map<string, bigint>();
  for (const g of gifts) {
    if (g.kind !== "GIFT" || g.deleted || !countsTowardGiftTotal(g.status)) continue;
    if (chinaYear(g.createdAt) !== year) continue;
    account += g.amount;
    if (g.recipientContactId)
      perContact.set(g.recipientContactId, (perContact.get(g.recipientContactId) ?? 0n) + g.amount);
  }
  return { account, perContact };
}

export type GiftCapCheck = {
  contactAfter: bigint;
  accountAfter: bigint;
  overContactCap: boolean;
  overAccountCap: boolean;
};

/** What the year's totals would be with a new gift of `amount`, and whether that passes a cap. */
export function checkGiftCaps(
  totals: { contact: bigint; account: bigint },
  amount: bigint,
  settings: Pick<VisitSettings, "giftYearCapPerContact" | "giftYearCapPerAccount">,
): GiftCapCheck {
  const contactAfter = totals.contact + amount;
  const accountAfter = totals.account + amount;
  return {
    contactAfter,
    accountAfter,
    overContactCap: contactAfter > settings.giftYearCapPerContact,
    overAccountCap: accountAfter > settings.giftYearCapPerAccount,
  };
}
