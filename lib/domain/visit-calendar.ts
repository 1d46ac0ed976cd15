// The visit calendar's arithmetic: which China calendar days a day, week or month view covers, the
// instants that bound them (for the query), events grouped into the days they fall on in China, the
// month grid, and the week key (the Monday) of any instant. Weeks start on Monday, as in China.
// Pure: "now" and every instant are passed in; nothing reads the server's time zone.
import { addDays, chinaDate, chinaDayStart, daysInMonth, toDbDate, type IsoDate } from "./calendar";

export const CALENDAR_VIEWS = ["day", "week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** 1 = Monday … 7 = Sunday, for a China calendar date. */
export function isoWeekday(date: IsoDate): number {
  const day = toDbDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The week key of an instant: the Monday (China calendar) of the week it falls in, in China. */
export function weekKey(instant: Date): IsoDate {
  return mondayOf(chinaDate(instant));
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

/** The same day `months` months away, clamped to the month's length (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type CalendarRange = {
  view: CalendarView;
  /** The day the view was asked for (kept when moving between views). */
  anchor: IsoDate;
  /** First day shown and the day after the last (China calendar dates). */
  from: IsoDate;
  to: IsoDate;
  /** The instants that bound the query: [start, end). */
  start: Date;
  end: Date;
  /** Every day shown, in order. */
  days: IsoDate[];
};

/**
 * The days a view shows around `anchor`: the day; its Monday-to-Sunday week; or its month laid out
 * as whole weeks (the grid's leading and trailing days of the neighbouring months are shown, so
 * their events are loaded too).
 */
export function calendarRange(view: CalendarView, anchor: IsoDate): CalendarRange {
  let from: IsoDate;
  let to: IsoDate;
  if (view === "day") {
    from = anchor;
    to = addDays(anchor, 1);
  } else if (view === "week") {
    from = mondayOf(anchor);
    to = addDays(from, 7);
  } else {
    const first = firstOfMonth(anchor);
    const last = addDays(addMonths(first, 1), -1);
    from = mondayOf(first);
    to = addDays(mondayOf(last), 7);
  }
  const days: IsoDate[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  return { view, anchor, from, to, start: chinaDayStart(from), end: chinaDayStart(to), days };
}

/** The anchor of the previous (-1) or next (+1) day, week or month. */
export function shiftAnchor(view: CalendarView, anchor: IsoDate, step: -1 | 1): IsoDate {
  if (view === "day") return addDays(anchor, step);
  if (view === "week") return addDays(anchor, 7 * step);
  return addMonths(anchor, step);
}

export type MonthCell = { date: IsoDate; inMonth: boolean; isToday: boolean };

/** The month view's cells, a whole number of Monday-first weeks. */
export function monthGrid(anchor: IsoDate, today: IsoDate): MonthCell[][] {
  const { days } = calendarRange("month", anchor);
  const month = anchor.slice(0, 7);
  const cells = days.map((date) => ({ date, inMonth: date.startsWith(month), isToday: date === today }));
  const weeks: MonthCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Events by the China calendar day they start on, earliest first within a day. Every day in `days`
 * has an entry (possibly empty); events outside those days are left out.
 */
export function groupByDay<T>(events: readonly T[], startOf: (e: T) => Date, days: readonly IsoDate[]) {
  const byDay = new Map<IsoDate, T[]>(days.map((d) => [d, []]));
  const sorted = [...events].sort((a, b) => startOf(a).getTime() - startOf(b).getTime());
  for (const e of sorted) byDay.get(chinaDate(startOf(e)))?.push(e);
  return byDay;
}

/** What the calendar shows: a plan (not yet visited) or a visit record. */
export type CalendarEvent = {
  kind: "plan" | "record";
  id: string;
  start: Date;
  end: Date;
  accountId: string;
  accountName: string;
  method: string;
  place: string | null;
  /** A plan's display status (see planDisplayStatus); a record's outcome, if set. */
  status: string | null;
  ownerName: string;
};

/** Minutes a record occupies when its duration was not written down. */
export const DEFAULT_VISIT_MINUTES = 60;

/** The end of a visit: its start plus its duration (an hour when not given). */
export function recordEnd(visitedAt: Date, durationMinutes: number | null): Date {
  const minutes = durationMinutes && durationMinutes > 0 ? durationMinutes : DEFAULT_VISIT_MINUTES;
  return new Date(visitedAt.getTime() + minutes * 60_000);
}

/**
 * A plan that a record closed is shown once, as the record (which links back to the plan); plans
 * and records are merged into one list, earliest first.
 */
export function mergeEvents(
  plans: readonly (CalendarEvent & { recordId: string | null })[],
  records: readonly CalendarEvent[],
): CalendarEvent[] {
  const recordIds = new Set(records.map((r) => r.id));
  const open = plans
    .filter((p) => !p.recordId || !recordIds.has(p.recordId))
    .map(({ recordId: _recordId, ...event }) => event);
  return [...open, ...records].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1),
  );
}

/** "HH:mm" in China time, for an instant. */
export function chinaTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}
