import type { getFormatter } from "next-intl/server";
import { toDbDate, type IsoDate } from "@/lib/domain/calendar";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

// Calendar days are China dates kept as YYYY-MM-DD: formatted from their UTC midnight in UTC, so
// the server's own time zone never shifts them.

/** "Wed, 2 Dec" / "12月2日周三". */
export const dayLabel = (format: Formatter, date: IsoDate) =>
  format.dateTime(toDbDate(date), { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** "2 December 2026" / "2026年12月2日". */
export const longDayLabel = (format: Formatter, date: IsoDate) =>
  format.dateTime(toDbDate(date), { dateStyle: "long", timeZone: "UTC" });

/** "December 2026" / "2026年12月". */
export const monthLabel = (format: Formatter, date: IsoDate) =>
  format.dateTime(toDbDate(date), { year: "numeric", month: "long", timeZone: "UTC" });
