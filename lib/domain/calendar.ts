// Calendar dates (date-only values: a close date, an agreement's term, a birthday) are days in
// China, not instants. They travel as "YYYY-MM-DD" and are stored as PostgreSQL `date`, which
// Prisma hands over as the UTC midnight of that day. Nothing here reads the server's time zone:
// `new Date("2026-03-01T00:00:00")` is local midnight, one day early in UTC when the server runs
// in China — the bug this module exists to prevent.

const DAY_MS = 86_400_000;
/** China Standard Time: UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Dates a person may enter: wide enough for birthdays and long agreements, narrow enough to catch typos. */
export const CALENDAR_RANGE = { min: "1900-01-01", max: "2100-12-31" } as const;

/** "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is this a real day ("2026-02-30" is not), written as YYYY-MM-DD? */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DateProblem = "format" | "impossible" | "outOfRange";

/** A typed date, checked: its problem, or the day as YYYY-MM-DD. */
export function checkIsoDate(
  text: string,
): { ok: true; date: IsoDate } | { ok: false; problem: DateProblem } {
  if (!ISO_DATE.test(text)) return { ok: false, problem: "format" };
  if (!isIsoDate(text)) return { ok: false, problem: "impossible" };
  if (text < CALENDAR_RANGE.min || text > CALENDAR_RANGE.max) return { ok: false, problem: "outOfRange" };
  return { ok: true, date: text };
}

/** The stored form of a calendar date: that day's UTC midnight (what Prisma reads and writes for @db.Date). */
export function toDbDate(date: IsoDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A stored calendar date back to YYYY-MM-DD (read in UTC, whatever the server's zone). */
export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The calendar day in China at an instant (between 00:00 and 08:00 Beijing, UTC is still on yesterday). */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China as the stored form of a calendar date. */
export function chinaToday(now: Date): Date {
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** The instant a day begins in China (for filtering timestamps by a chosen day). */
export function chinaDayStart(date: IsoDate): Date {
  return new Date(toDbDate(date).getTime() - CHINA_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDbDate(new Date(toDbDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toDbDate(to).getTime() - toDbDate(from).getTime()) / DAY_MS) || 0;
}
