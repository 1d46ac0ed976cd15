// 个性化服务计划: the date rules of an agreed service item. A delivery answers one due date; it is
// on time when delivered on or before that day; the next due date follows from the DUE date (not
// the delivery), so a late delivery does not shift the whole schedule. Months clamp to the
// month's length (31 Jan + 1 month = 28/29 Feb) and do not drift back afterwards: each step is
// taken from the anchor the item was due on.

import { addDays, daysBetween, type IsoDate } from "@/lib/domain/calendar";
import { addMonths } from "@/lib/domain/visit-calendar";

export const SERVICE_FREQUENCIES = ["WEEKLY", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY"] as const;
export type ServiceFrequency = (typeof SERVICE_FREQUENCIES)[number];

const MONTHS: Record<Exclude<ServiceFrequency, "WEEKLY">, number> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  HALF_YEARLY: 6,
  YEARLY: 12,
};

/** The due date one period after `dueOn`. */
export function nextDueDate(dueOn: IsoDate, frequency: ServiceFrequency): IsoDate {
  return frequency === "WEEKLY" ? addDays(dueOn, 7) : addMonths(dueOn, MONTHS[frequency]);
}

/** Was a delivery on time for the date it answers? */
export const isOnTime = (deliveredOn: IsoDate, dueOn: IsoDate) => deliveredOn <= dueOn;

/** Items due within this many days (or overdue) become a follow-up task for their owner. */
export const SERVICE_DUE_LEAD_DAYS = 7;

/** Should an item due on `dueOn` have a task on `today`? */
export const isComingDue = (dueOn: IsoDate, today: IsoDate) =>
  daysBetween(today, dueOn) <= SERVICE_DUE_LEAD_DAYS;

/** Is the item overdue on `today` (its due day has passed without a delivery)? */
export const isOverdue = (nextDueOn: IsoDate, today: IsoDate) => nextDueOn < today;

/** The result of recording a delivery against an item's current due date. */
export function recordDelivery(
  item: { nextDueOn: IsoDate; frequency: ServiceFrequency },
  deliveredOn: IsoDate,
): { dueOn: IsoDate; onTime: boolean; nextDueOn: IsoDate } {
  return {
    dueOn: item.nextDueOn,
    onTime: isOnTime(deliveredOn, item.nextDueOn),
    nextDueOn: nextDueDate(item.nextDueOn, item.frequency),
  };
}

/** The window of the on-time rate: deliveries of the last 12 months up to today. */
export function onTimeWindowStart(today: IsoDate): IsoDate {
  return addMonths(today, -12);
}

/**
 * On-time delivery rate (按时交付率) in percent, one decimal; null when nothing was delivered in the
 * window ("not measured" is not zero).
 */
export function onTimeRate(deliveries: readonly { onTime: boolean }[]): number | null {
  if (!deliveries.length) return null;
  const onTime = deliveries.filter((d) => d.onTime).length;
  return Math.round((onTime / deliveries.length) * 1000) / 10;
}
