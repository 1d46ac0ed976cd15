import { moneyFormat } from "@/lib/domain/money";

/** Number formats for the dashboard in one place: money arrives in fen, ratios as fractions. */
export function dashboardFormat(locale: string) {
  const money = moneyFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const pct1 = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    /** ¥125万 / ¥1.3M */
    money: (fen: number) => money.compact(fen / 100),
    /** ¥1,250,000 */
    moneyFull: (fen: number) => money.full(fen / 100),
    percent: (v: number | null, none = "—") => (v === null ? none : pct.format(v)),
    percentFine: (v: number | null, none = "—") => (v === null ? none : pct1.format(v)),
    delta: (v: number | null, none = "—") => (v === null ? none : signed.format(v)),
    number: (v: number | null, none = "—") => (v === null ? none : num.format(v)),
  };
}

export type DashboardFormat = ReturnType<typeof dashboardFormat>;
