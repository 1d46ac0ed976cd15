import { fenToYuan, moneyFormat } from "@/lib/domain/money";
import type { InvoiceState } from "@/lib/domain/receivables";

// Small formatting rules shared by the receivables pages and the distributor section.

/** Fen as the locale's full money text ("¥1,250,000"). */
export function fenText(locale: string): (fen: bigint) => string {
  const money = moneyFormat(locale);
  return (fen) => money.full(fenToYuan(fen) ?? 0);
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** "due in 3 days" / "due today" / "12 days past due" (t is the receivables catalogue). */
export function ageText(t: T, daysPastDue: number): string {
  if (daysPastDue < 0) return t("age.dueIn", { days: -daysPastDue });
  if (daysPastDue === 0) return t("age.dueToday");
  return t("age.pastDue", { days: daysPastDue });
}

export const STATE_TONE: Record<InvoiceState, "neutral" | "good" | "warn" | "bad" | "info"> = {
  open: "info",
  partial: "warn",
  paid: "good",
  void: "neutral",
};

/** How alarming an age is: overdue past 60 days is bad, any overdue a warning. */
export function ageTone(daysPastDue: number, open: boolean): "neutral" | "warn" | "bad" {
  if (!open || daysPastDue < 1) return "neutral";
  return daysPastDue > 60 ? "bad" : "warn";
}
