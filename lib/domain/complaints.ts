// 投诉 (complaints) with a first-responsibility owner (首问负责制): the status machine, what each
// step needs, the SLA clocks per severity and who a breach escalates to. Pure: the data layer
// stores the dates these rules compute and the pages show the states they derive.
import { chinaDate } from "./calendar";

export const COMPLAINT_STATUSES = [
  "RECEIVED", // 已受理
  "ACKNOWLEDGED", // 已确认
  "INVESTIGATING", // 调查中
  "RESOLVED", // 已解决
  "CONFIRMED", // 客户确认
  "CLOSED", // 已关闭
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_CATEGORIES = ["QUALITY", "DELIVERY", "SERVICE", "PRICE", "BILLING", "OTHER"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CHANNELS = ["CALL", "VISIT", "EMAIL", "SURVEY", "WECHAT", "OTHER"] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** A complaint still being worked: everything before the customer's confirmation closes the loop. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  "RECEIVED",
  "ACKNOWLEDGED",
  "INVESTIGATING",
  "RESOLVED",
];
export const isOpenStatus = (s: ComplaintStatus) => s !== "CLOSED";

// ── Status machine ────────────────────────────────────────────────────────────────────────────────

export const COMPLAINT_ACTIONS = [
  "acknowledge",
  "investigate",
  "resolve",
  "confirm",
  "close",
  "reopen",
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/**
 * Each step from where it may start to where it leads. Reopening (the customer says it is not
 * fixed, or it came back) sends a resolved, confirmed or even closed complaint back to
 * investigation; nothing else goes backwards.
 */
const STEPS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  acknowledge: { from: ["RECEIVED"], to: "ACKNOWLEDGED" },
  investigate: { from: ["ACKNOWLEDGED"], to: "INVESTIGATING" },
  resolve: { from: ["INVESTIGATING"], to: "RESOLVED" },
  confirm: { from: ["RESOLVED"], to: "CONFIRMED" },
  close: { from: ["CONFIRMED"], to: "CLOSED" },
  reopen: { from: ["RESOLVED", "CONFIRMED", "CLOSED"], to: "INVESTIGATING" },
};

/** Where `action` leads from `status`, or null when it may not start there. */
export function nextStatus(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const step = STEPS[action];
  return step.from.includes(status) ? step.to : null;
}

/** The steps the complaint's status allows, in the order the buttons show them. */
export function allowedActions(status: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

/** What the person wrote for a step (only the fields that step asks for are looked at). */
export type TransitionInput = {
  resolution?: string | null;
  rootCause?: string | null; // 原因分析
  correctiveAction?: string | null; // 纠正与预防措施 (持续改进)
  note?: string | null;
};

export type TransitionField = "resolution" | "rootCause" | "correctiveAction" | "note";

/** The fields each step cannot go without: a resolution, a root cause and a corrective action, a reason to reopen. */
export const REQUIRED_FIELDS: Record<ComplaintAction, readonly TransitionField[]> = {
  acknowledge: [],
  investigate: [],
  resolve: ["resolution"],
  confirm: [],
  close: ["rootCause", "correctiveAction"],
  reopen: ["note"],
};

export type TransitionCheck =
  | { ok: true; to: ComplaintStatus }
  | { ok: false; problem: "status" }
  | { ok: false; problem: "missing"; missing: TransitionField[] };

const blank = (v: string | null | undefined) => !v || v.trim().length === 0;

/** May `action` move a complaint in `status` on, with what the person wrote? */
export function checkTransition(
  status: ComplaintStatus,
  action: ComplaintAction,
  input: TransitionInput,
): TransitionCheck {
  const to = nextStatus(status, action);
  if (!to) return { ok: false, problem: "status" };
  const missing = REQUIRED_FIELDS[action].filter((f) => blank(input[f]));
  return missing.length ? { ok: false, problem: "missing", missing } : { ok: true, to };
}

/** The timestamp a step stamps on the complaint (reopen clears the later ones instead). */
export const STAMP: Partial<
  Record<ComplaintAction, "acknowledgedAt" | "resolvedAt" | "confirmedAt" | "closedAt">
> = {
  acknowledge: "acknowledgedAt",
  resolve: "resolvedAt",
  confirm: "confirmedAt",
  close: "closedAt",
};

// ── SLA clocks ────────────────────────────────────────────────────────────────────────────────────

/** Minutes to acknowledge and to resolve, per severity (ComplaintSla, the administrator's setting). */
export type SlaPolicy = { ackMinutes: number; resolveMinutes: number };

/** The bounds the settings page accepts: a minute up to 90 days; resolving never faster than acknowledging. */
export const SLA_MINUTES = { min: 1, max: 90 * 24 * 60 } as const;

export function checkSlaPolicy(p: SlaPolicy): "ok" | "range" | "order" {
  const inRange = (m: number) => Number.isInteger(m) && m >= SLA_MINUTES.min && m <= SLA_MINUTES.max;
  if (!inRange(p.ackMinutes) || !inRange(p.resolveMinutes)) return "range";
  return p.resolveMinutes < p.ackMinutes ? "order" : "ok";
}

const MINUTE_MS = 60_000;
const plusMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE_MS);

/** Both clocks run from the moment the complaint was received, in elapsed time (not working hours). */
export function slaDueDates(receivedAt: Date, policy: SlaPolicy): { ackDueAt: Date; resolveDueAt: Date } {
  return {
    ackDueAt: plusMinutes(receivedAt, policy.ackMinutes),
    resolveDueAt: plusMinutes(receivedAt, policy.resolveMinutes),
  };
}

/**
 * Reopening restarts the resolve clock from the reopening (the customer waits again); the
 * acknowledgement already happened and keeps its record.
 */
export function reopenedResolveDueAt(reopenedAt: Date, policy: SlaPolicy): Date {
  return plusMinutes(reopenedAt, policy.resolveMinutes);
}

/**
 * A clock's state: `met` (done by the due moment — exactly on it counts as in time), `breached`
 * (done late, or still not done after it), `running` (not done, still time left).
 */
export type ClockState = "met" | "breached" | "running";
export type Clock = { state: ClockState; dueAt: Date; doneAt: Date | null; remainingMs: number };

export function clock(dueAt: Date, doneAt: Date | null, now: Date): Clock {
  if (doneAt)
    return {
      state: doneAt <= dueAt ? "met" : "breached",
      dueAt,
      doneAt,
      remainingMs: dueAt.getTime() - doneAt.getTime(),
    };
  const remainingMs = dueAt.getTime() - now.getTime();
  return { state: remainingMs >= 0 ? "running" : "breached", dueAt, doneAt: null, remainingMs };
}

export type SlaFacts = {
  status: ComplaintStatus;
  ackDueAt: Date;
  resolveDueAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
};

/** Both clocks of a complaint at `now`. */
export function slaClocks(c: SlaFacts, now: Date): { ack: Clock; resolve: Clock } {
  return { ack: clock(c.ackDueAt, c.acknowledgedAt, now), resolve: clock(c.resolveDueAt, c.resolvedAt, now) };
}

/** Is the acknowledgement overdue at `now` (what the SLA job looks for)? Strictly after the due moment. */
export const ackOverdue = (c: Pick<SlaFacts, "ackDueAt" | "acknowledgedAt">, now: Date) =>
  c.acknowledgedAt === null && c.ackDueAt.getTime() < now.getTime();

/** Is the resolution overdue at `now`? A resolved (or later) complaint's clock has stopped. */
export const resolveOverdue = (c: Pick<SlaFacts, "resolveDueAt" | "resolvedAt">, now: Date) =>
  c.resolvedAt === null && c.resolveDueAt.getTime() < now.getTime();

/** Remaining time as whole units for a countdown: negative when overdue. */
export function remainingParts(ms: number): {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
} {
  const overdue = ms < 0;
  const total = Math.floor(Math.abs(ms) / MINUTE_MS);
  return {
    overdue,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

/**
 * SLA attainment (达成率): the share of decided clocks that were met, in percent with one decimal.
 * A running clock is not decided yet and does not count; null when nothing is decided.
 */
export function slaAttainment(clocks: readonly Pick<Clock, "state">[]): number | null {
  const decided = clocks.filter((c) => c.state !== "running");
  if (!decided.length) return null;
  const met = decided.filter((c) => c.state === "met").length;
  return Math.round((met / decided.length) * 1000) / 10;
}

// ── Escalation (升级) ─────────────────────────────────────────────────────────────────────────────

export type TeamNode = { id: string; managerId: string | null; parentId: string | null };

/**
 * Who a breach escalates to: the manager of the owner's team; if the owner is that manager (or the
 * team has none), the manager of the team above, and so on up. With nobody above, the
 * administrators. The owner is never told to escalate to themselves.
 */
export function escalationTargets(
  owner: { id: string; teamId: string | null },
  teams: readonly TeamNode[],
  adminIds: readonly string[],
): { via: "manager" | "admins"; userIds: string[] } {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const seen = new Set<string>();
  let team = owner.teamId ? byId.get(owner.teamId) : undefined;
  while (team && !seen.has(team.id)) {
    seen.add(team.id);
    if (team.managerId && team.managerId !== owner.id) return { via: "manager", userIds: [team.managerId] };
    team = team.parentId ? byId.get(team.parentId) : undefined;
  }
  return { via: "admins", userIds: [...new Set(adminIds)].filter((id) => id !== owner.id) };
}

// ── Numbering ─────────────────────────────────────────────────────────────────────────────────────

const NUMBER = /^TS-(\d{4})-(\d{5,})$/;

/** TS-2026-00042: the China calendar year it was received in and its sequence within that year. */
export function complaintNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence ${seq}`);
  return `TS-${year}-${String(seq).padStart(5, "0")}`;
}

export function parseComplaintNumber(text: string): { year: number; seq: number } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const seq = Number(m[2]);
  return Number.isSafeInteger(seq) && seq >= 1 ? { year: Number(m[1]), seq } : null;
}

/** The year a complaint is numbered in: the calendar year in China when it was received. */
export const complaintYear = (receivedAt: Date) => Number(chinaDate(receivedAt).slice(0, 4));

/** The number after the year's highest one (or the year's first). */
export function nextComplaintNumber(receivedAt: Date, highestThisYear: string | null): string {
  const year = complaintYear(receivedAt);
  const last = highestThisYear ? parseComplaintNumber(highestThisYear) : null;
  return complaintNumber(year, last && last.year === year ? last.seq + 1 : 1);
}
