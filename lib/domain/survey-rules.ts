// When surveys go out by themselves (调研触发规则): periodic waves per tier, after a won deal or a
// closed complaint, reminders and closing. Pure rules; lib/data/surveys/jobs.ts and triggers.ts
// apply them to the database.
import { chinaDate } from "./calendar";

export type Tier = "A" | "B" | "C";
export type SurveyAutoTrigger = "DEAL_WON" | "COMPLAINT_CLOSED";

/** The wave intervals an administrator may choose (months; 0 = no waves): each divides the year. */
export const WAVE_MONTHS = [0, 1, 3, 6, 12] as const;
export const isWaveMonths = (n: number) => (WAVE_MONTHS as readonly number[]).includes(n);

export type RuleSettings = {
  linkValidDays: number;
  reminderAfterDays: number;
  surveyOnDealWon: boolean;
  surveyOnComplaintClosed: boolean;
  waveMonthsA: number;
  waveMonthsB: number;
  waveMonthsC: number;
};

const DAY_MS = 86_400_000;

/**
 * The wave a moment falls in (China calendar) for an interval: "2026-Q4" quarterly, "2026-H2"
 * half-yearly, "2026" yearly, "2026-11" monthly. One wave per account and key (a unique index).
 */
export function waveKeyOf(instant: Date, months: number): string | null {
  if (!isWaveMonths(months) || months === 0) return null;
  const [year, month] = chinaDate(instant).split("-").map(Number) as [number, number];
  const index = Math.floor((month - 1) / months) + 1;
  if (months === 12) return `${year}`;
  if (months === 6) return `${year}-H${index}`;
  if (months === 3) return `${year}-Q${index}`;
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function waveMonthsFor(
  tier: Tier,
  settings: Pick<RuleSettings, "waveMonthsA" | "waveMonthsB" | "waveMonthsC">,
) {
  return tier === "A" ? settings.waveMonthsA : tier === "B" ? settings.waveMonthsB : settings.waveMonthsC;
}

/** The wave an account of `tier` is due for now, or null when its tier has no waves. */
export function dueWave(tier: Tier, settings: RuleSettings, now: Date): string | null {
  return waveKeyOf(now, waveMonthsFor(tier, settings));
}

/** Does the administrator want this trigger to send a survey? */
export function triggerEnabled(trigger: SurveyAutoTrigger, settings: RuleSettings): boolean {
  return trigger === "DEAL_WON" ? settings.surveyOnDealWon : settings.surveyOnComplaintClosed;
}

/** A survey sent now closes (and its links expire) after the link validity. */
export function closesAtFor(now: Date, settings: Pick<RuleSettings, "linkValidDays">): Date {
  return new Date(now.getTime() + settings.linkValidDays * DAY_MS);
}

/**
 * Is an invitation due its one reminder? Unanswered, not revoked, not reminded yet, sent at least
 * `reminderAfterDays` ago (0 = no reminders) and still open.
 */
export function reminderDue(
  invitation: {
    createdAt: Date;
    respondedAt: Date | null;
    remindedAt: Date | null;
    revokedAt: Date | null;
    expiresAt: Date;
  },
  settings: Pick<RuleSettings, "reminderAfterDays">,
  now: Date,
): boolean {
  if (settings.reminderAfterDays <= 0) return false;
  if (invitation.respondedAt || invitation.remindedAt || invitation.revokedAt) return false;
  if (invitation.expiresAt <= now) return false;
  return now.getTime() - invitation.createdAt.getTime() >= settings.reminderAfterDays * DAY_MS;
}

export type Recipient = { id: string; buyingRole: string; email: string | null };

/**
 * Who an automatic survey asks: the contacts the caller named (a complaint's people — they know
 * how its handling went), else the decision makers who have an e-mail address, else every decision
 * maker (links are then shared by the owner). Empty: nobody to ask, no survey.
 */
export function automaticRecipients(contacts: readonly Recipient[], named: readonly string[] = []): string[] {
  const known = new Set(contacts.map((c) => c.id));
  const people = [...new Set(named)].filter((id) => known.has(id));
  if (people.length) return people;
  const deciders = contacts.filter((c) => c.buyingRole === "DECISION_MAKER");
  const withEmail = deciders.filter((c) => c.email);
  return (withEmail.length ? withEmail : deciders).map((c) => c.id);
}
