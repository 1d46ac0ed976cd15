type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "2026年第3季度" / "Q3 2026", from a period's kind and dates (reviews.period messages). */
export function periodLabel(t: Translate, p: { kind: string; start: string; end: string }): string {
  const [y, m] = p.start.split("-").map(Number) as [number, number];
  switch (p.kind) {
    case "month":
      return t("month", { year: y, month: m });
    case "quarter":
      return t("quarter", { year: y, quarter: Math.floor((m - 1) / 3) + 1 });
    case "year":
      return t("year", { year: y });
    default:
      return t("custom", { start: p.start, end: p.end });
  }
}
