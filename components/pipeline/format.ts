// Number formats for the board, made once per locale (Intl formatters are costly to create and the
// board formats thousands of values). Money as everywhere else (lib/domain/money).
import { toDbDate } from "@/lib/domain/calendar";
import { moneyFormat } from "@/lib/domain/money";

export type BoardFormat = {
  /** Compact yuan for cards and totals: "¥125万" / "¥1.3M". */
  money: (yuan: number) => string;
  /** Full yuan: "¥1,250,000". */
  moneyFull: (yuan: number) => string;
  number: (n: number) => string;
  percent: (share: number) => string;
  /** "11月20日" / "Nov 20" from YYYY-MM-DD. */
  date: (isoDate: string) => string;
  /** "2027/04/02" / "04/02/2027" from YYYY-MM-DD. */
  dateFull: (isoDate: string) => string;
};

export function boardFormat(locale: string): BoardFormat {
  const money = moneyFormat(locale);
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const dateFull = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: "UTC",
  });
  return {
    money: money.compact,
    moneyFull: money.full,
    number: (n) => number.format(n),
    percent: (s) => percent.format(s),
    date: (d) => date.format(toDbDate(d)),
    dateFull: (d) => dateFull.format(toDbDate(d)),
  };
}
