import type { Period } from "@/lib/domain/kpi-period";

type T = (key: string, values?: Record<string, string | number>) => string;

/** "Nov 2026" / "2026年11月", "Q4 2026" / "2026年第四季度", "2026", or the custom range. */
export function periodLabeller(locale: string, t: T) {
  const month = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  return (p: Period) => {
    const [y, m] = p.start.split("-").map(Number) as [number, number];
    switch (p.kind) {
      case "month":
        return month.format(new Date(Date.UTC(y, m - 1, 1)));
      case "quarter":
        return t("quarter", { year: y, quarter: Math.floor((m - 1) / 3) + 1 });
      case "year":
        return t("year", { year: y });
      case "custom":
        return t("custom", { start: p.start, end: p.end });
    }
  };
}

/** A short month label for chart axes: "11月" / "Nov". */
export function monthLabeller(locale: string) {
  const f = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const fy = new Intl.DateTimeFormat(locale, { year: "2-digit", month: "short", timeZone: "UTC" });
  return (iso: string, withYear = false) => {
    const [y, m] = iso.split("-").map(Number) as [number, number];
    return (withYear ? fy : f).format(new Date(Date.UTC(y, m - 1, 1)));
  };
}
