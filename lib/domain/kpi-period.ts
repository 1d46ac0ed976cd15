// Reporting periods (month, quarter, year, custom) as China calendar dates. A period travels in the
// URL as `period=2026-11` | `2026-Q4` | `2026` or `from=…&to=…`; every figure is compared with the
// period before it and with the same period a year earlier.
import { addDays, daysBetween, daysInMonth, isIsoDate, type IsoDate } from "./calendar";

export type PeriodKind = "month" | "quarter" | "year" | "custom";

/** An inclusive range of China calendar days. */
export type Period = { kind: PeriodKind; start: IsoDate; end: IsoDate };

/** The longest custom period: two years of days is plenty for a comparison, and bounds the work. */
export const MAX_CUSTOM_DAYS = 731;

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (date: IsoDate) => date.split("-").map(Number) as [number, number, number];

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", start: ymd(year, month, 1), end: ymd(year, month, daysInMonth(year, month)) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: "quarter",
    start: ymd(year, first, 1),
    end: ymd(year, first + 2, daysInMonth(year, first + 2)),
  };
}

export function yearPeriod(year: number): Period {
  return { kind: "year", start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
}

/** The URL form of a period (`2026-11`, `2026-Q4`, `2026`, or `2026-10-01..2026-11-15`). */
export function periodKey(p: Period): string {
  const [y, m] = parts(p.start);
  switch (p.kind) {
    case "month":
      return `${y}-${pad(m)}`;
    case "quarter":
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case "year":
      return String(y);
    case "custom":
      return `${p.start}..${p.end}`;
  }
}

/**
 * Reads the period from the URL's values; anything missing or malformed falls back to the month
 * containing `today` (a crafted URL never errors, it shows the default).
 */
export function parsePeriod(
  input: { period?: string | null; from?: string | null; to?: string | null },
  today: IsoDate,
): Period {
  const [ty, tm] = parts(today);
  const fallback = monthPeriod(ty, tm);
  const { from, to } = input;
  if (
    from &&
    to &&
    isIsoDate(from) &&
    isIsoDate(to) &&
    from <= to &&
    from >= "2000-01-01" &&
    to <= "2100-12-31"
  ) {
    if (daysBetween(from, to) < MAX_CUSTOM_DAYS) return { kind: "custom", start: from, end: to };
    return fallback;
  }
  const text = (input.period ?? "").trim();
  let m: RegExpExecArray | null;
  const okYear = (y: number) => y >= 2000 && y <= 2100;
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (okYear(y) && mo >= 1 && mo <= 12) return monthPeriod(y, mo);
  } else if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    if (okYear(Number(m[1]))) return quarterPeriod(Number(m[1]), Number(m[2]));
  } else if ((m = /^(\d{4})$/.exec(text))) {
    if (okYear(Number(m[1]))) return yearPeriod(Number(m[1]));
  }
  return fallback;
}

export const periodDays = (p: Period) => daysBetween(p.start, p.end) + 1;

/** The period just before: the previous month/quarter/year, or as many days just before. */
export function previousPeriod(p: Period): Period {
  const [y, m] = parts(p.start);
  switch (p.kind) {
    case "month":
      return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
    case "quarter": {
      const q = Math.floor((m - 1) / 3) + 1;
      return q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
    }
    case "year":
      return yearPeriod(y - 1);
    case "custom": {
      const end = addDays(p.start, -1);
      return { kind: "custom", start: addDays(end, -(periodDays(p) - 1)), end };
    }
  }
}

/** The same days a year earlier (29 February becomes the 28th). */
export function sameLastYear(p: Period): Period {
  const back = (date: IsoDate) => {
    const [y, m, d] = parts(date);
    return ymd(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
  };
  const [y, m] = parts(p.start);
  switch (p.kind) {
    case "month":
      return monthPeriod(y - 1, m);
    case "quarter":
      return quarterPeriod(y - 1, Math.floor((m - 1) / 3) + 1);
    case "year":
      return yearPeriod(y - 1);
    case "custom":
      return { kind: "custom", start: back(p.start), end: back(p.end) };
  }
}

export type YearMonth = { year: number; month: number };

/** The calendar months a period touches, in order (a custom period's first and last may be partial). */
export function monthsOf(p: Period): YearMonth[] {
  const [sy, sm] = parts(p.start);
  const [ey, em] = parts(p.end);
  const out: YearMonth[] = [];
  for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push({ year: y, month: m });
  }
  return out;
}

/**
 * How much of each touched month lies inside the period (1 for a whole month): monthly figures
 * (targets, budgets) are prorated by days for a custom period that cuts a month.
 */
export function monthShares(p: Period): (YearMonth & { share: number })[] {
  return monthsOf(p).map(({ year, month }) => {
    const first = ymd(year, month, 1);
    const last = ymd(year, month, daysInMonth(year, month));
    const from = p.start > first ? p.start : first;
    const to = p.end < last ? p.end : last;
    return { year, month, share: (daysBetween(from, to) + 1) / daysInMonth(year, month) };
  });
}

/**
 * The share of the period that has passed by the end of `today` (China): 0 before it starts, 1
 * after it ends. Pace lines multiply a target by this.
 */
export function elapsedShare(p: Period, today: IsoDate): number {
  if (today < p.start) return 0;
  if (today >= p.end) return 1;
  return (daysBetween(p.start, today) + 1) / periodDays(p);
}

/** The first day of the month containing `date` (the ledger's and the targets' month key). */
export const monthStart = (date: IsoDate) => `${date.slice(0, 7)}-01`;
