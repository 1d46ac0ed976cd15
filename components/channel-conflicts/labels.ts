// How a case's step, age and money read on every conflict page (queue, detail, distributor section).
import { conflictAge, type ConflictStatus } from "@/lib/domain/channel-conflicts";
import { fenToYuan, moneyFormat } from "@/lib/domain/money";

export type Tone = "good" | "warn" | "bad" | "neutral" | "info";
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const STATUS_TONE: Record<ConflictStatus, Tone> = {
  NEGOTIATION: "info",
  MEDIATION: "warn",
  ARBITRATION: "bad",
  RESOLVED: "good",
};

/** "12 days" or "Overdue: 16 of 14 days", from the step's SLA (lib/domain/channel-conflicts.ts). */
export function ageText(
  t: Translate,
  c: { status: ConflictStatus; createdAt: Date; resolvedAt: Date | null },
  now: Date,
): { text: string; tone: Tone } {
  const age = conflictAge({ status: c.status, openedAt: c.createdAt, resolvedAt: c.resolvedAt }, now);
  if (age.limitDays === null) return { text: t("age.days", { days: age.days }), tone: "neutral" };
  if (age.overdue) return { text: t("age.overdue", { days: age.days, limit: age.limitDays }), tone: "bad" };
  return { text: t("age.within", { days: age.days, limit: age.limitDays }), tone: "neutral" };
}

export function money(locale: string, fen: bigint | null): string {
  return fen === null ? "—" : moneyFormat(locale).full(fenToYuan(fen) ?? 0);
}
