import type { getFormatter } from "next-intl/server";
import { TIME_ZONE } from "@/lib/i18n/config";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant as <input type="datetime-local"> shows it in Beijing time: "2026-12-03T14:30". */
export const dateTimeInput = (d: Date | null | undefined) =>
  d ? new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16) : "";

/** "3 Dec 2026, 09:00 – 11:00" (the end's day too when it differs), in Beijing time. */
export function timeRange(format: Formatter, start: Date, end: Date): string {
  const sameDay = dateTimeInput(start).slice(0, 10) === dateTimeInput(end).slice(0, 10);
  const from = format.dateTime(start, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  const to = sameDay
    ? format.dateTime(end, { timeStyle: "short", timeZone: TIME_ZONE })
    : format.dateTime(end, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  return `${from} – ${to}`;
}
