import type { getFormatter } from "next-intl/server";
import { TIME_ZONE } from "@/lib/i18n/config";
import { fromDbDate } from "@/lib/domain/calendar";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Yuan as the account pages show money: "¥1,250,000" (no fen; "¥", not English's "CN¥"). */
export const yuan = (format: Formatter, value: number) =>
  format.number(value, {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  });

/** A calendar date (stored as UTC midnight), e.g. an agreement's term or a close date. */
export const day = (format: Formatter, d: Date) =>
  format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });

/** The day of a moment (e.g. when a deal closed), as it was in Beijing. */
export const dayOf = (format: Formatter, d: Date) =>
  format.dateTime(d, { dateStyle: "medium", timeZone: TIME_ZONE });

/** yyyy-mm-dd of a calendar date, for <input type="date">. */
export const dateInput = (d: Date | null | undefined) => (d ? fromDbDate(d) : "");
