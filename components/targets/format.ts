import { moneyFormat } from "@/lib/domain/money";

/** How a target figure reads: money compact (¥125万 / ¥1.3M), counts as whole numbers. */
export function figureFormat(locale: string, money: boolean): (value: bigint) => string {
  if (money) {
    const f = moneyFormat(locale);
    return (v) => f.compact(Number(v) / 100);
  }
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (v) => n.format(Number(v));
}

/** Short month names (Jan … / 1月 …) in the person's language. */
export function monthNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2026, i, 15))));
}

/** Years a grid offers: two back, this one and the next. */
export const yearChoices = (thisYear: number) => [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
