// The SLA clock of a complaint as the person reads it: which clock is running, how long is left or
// how late it is, and a badge tone. Shared by the queue, the detail page and the account section.
import { remainingParts, slaClocks, type Clock, type SlaFacts } from "@/lib/domain/complaints";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Tone = "good" | "warn" | "bad" | "neutral" | "info";

export function durationText(t: Translate, ms: number): string {
  const p = remainingParts(ms);
  return t("sla.duration", { days: p.days, hours: p.hours, minutes: p.minutes }).trim();
}

/** One clock: "In time", "3h 20m left", "2d 1h 5m overdue", with a tone (amber under two hours). */
export function clockText(t: Translate, c: Clock): { text: string; tone: Tone } {
  if (c.state === "met") return { text: t("sla.met"), tone: "good" };
  if (c.doneAt) return { text: t("sla.breached"), tone: "bad" };
  if (c.state === "breached")
    return { text: t("sla.overdue", { time: durationText(t, c.remainingMs) }), tone: "bad" };
  return {
    text: t("sla.left", { time: durationText(t, c.remainingMs) }),
    tone: c.remainingMs < 2 * 3600_000 ? "warn" : "info",
  };
}

/** The clock that matters now: the acknowledgement until it happened, then the resolution. */
export function currentClock(
  t: Translate,
  c: SlaFacts,
  now: Date,
): { label: string; text: string; tone: Tone } {
  const clocks = slaClocks(c, now);
  const which = c.acknowledgedAt ? "resolve" : "ack";
  return { label: t(which === "ack" ? "sla.ack" : "sla.resolve"), ...clockText(t, clocks[which]) };
}

export const SEVERITY_TONE: Record<string, Tone> = {
  CRITICAL: "bad",
  HIGH: "warn",
  MEDIUM: "info",
  LOW: "neutral",
};
export const STATUS_TONE: Record<string, Tone> = {
  RECEIVED: "warn",
  ACKNOWLEDGED: "info",
  INVESTIGATING: "info",
  RESOLVED: "good",
  CONFIRMED: "good",
  CLOSED: "neutral",
};
