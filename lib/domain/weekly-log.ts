// 客户联络表 — the weekly contact log of one person: the contacts made in a week (one line per visit
// record: when, the account, who was met, how, what came of it) and the plans for the following
// week, with counts for the header. The two texts (summary, next week's plan) and the manager's
// comment are stored separately; this assembles what is generated. Pure.
import { addDays, chinaDate, chinaDayStart, type IsoDate } from "./calendar";
import { mondayOf } from "./visit-calendar";
import type { VisitMethod, VisitOutcome } from "./visits";

export type WeekBounds = {
  weekStart: IsoDate;
  /** Sunday, the last day of the week. */
  weekEnd: IsoDate;
  start: Date;
  end: Date;
  nextWeekStart: IsoDate;
  /** Instants bounding the following week, whose plans the log lists. */
  nextStart: Date;
  nextEnd: Date;
  previousWeekStart: IsoDate;
};

/** The week containing `date` (any day of it), Monday to Sunday in China. */
export function weekBounds(date: IsoDate): WeekBounds {
  const weekStart = mondayOf(date);
  const nextWeekStart = addDays(weekStart, 7);
  return {
    weekStart,
    weekEnd: addDays(weekStart, 6),
    start: chinaDayStart(weekStart),
    end: chinaDayStart(nextWeekStart),
    nextWeekStart,
    nextStart: chinaDayStart(nextWeekStart),
    nextEnd: chinaDayStart(addDays(nextWeekStart, 7)),
    previousWeekStart: addDays(weekStart, -7),
  };
}

export type LogRecordInput = {
  id: string;
  visitedAt: Date;
  accountId: string;
  accountName: string;
  contactIds: readonly string[];
  method: VisitMethod;
  outcome: VisitOutcome | null;
  talkingPoints: string;
  nextStep: string | null;
};

export type LogPlanInput = {
  id: string;
  plannedStart: Date;
  accountId: string;
  accountName: string;
  contactIds: readonly string[];
  method: VisitMethod;
  purpose: string;
  status: string;
};

export type LogContact = {
  recordId: string;
  date: IsoDate;
  visitedAt: Date;
  accountId: string;
  accountName: string;
  /** Names of the contacts met (those still known; a deleted contact drops out). */
  contacts: string[];
  method: VisitMethod;
  outcome: VisitOutcome | null;
  talkingPoints: string;
  nextStep: string | null;
};

export type LogPlan = {
  planId: string;
  date: IsoDate;
  plannedStart: Date;
  accountId: string;
  accountName: string;
  contacts: string[];
  method: VisitMethod;
  purpose: string;
  status: string;
};

export type WeeklyLogContent = {
  contacts: LogContact[];
  nextWeekPlans: LogPlan[];
  counts: {
    visits: number;
    accounts: number;
    people: number;
    byOutcome: Record<VisitOutcome, number>;
  };
};

/**
 * The generated part of the log for the week `bounds`: records visited in the week (earliest
 * first), and the following week's plans that are still going ahead (not cancelled, not already
 * closed by a record). Rows outside their week are ignored, so a caller may pass a wider set.
 */
export function assembleWeeklyLog(
  bounds: WeekBounds,
  records: readonly LogRecordInput[],
  plans: readonly LogPlanInput[],
  contactNames: ReadonlyMap<string, string>,
): WeeklyLogContent {
  const within = (d: Date, from: Date, to: Date) =>
    d.getTime() >= from.getTime() && d.getTime() < to.getTime();
  const names = (ids: readonly string[]) =>
    ids.map((id) => contactNames.get(id)).filter((n): n is string => Boolean(n));

  const contacts = records
    .filter((r) => within(r.visitedAt, bounds.start, bounds.end))
    .sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((r) => ({
      recordId: r.id,
      date: chinaDate(r.visitedAt),
      visitedAt: r.visitedAt,
      accountId: r.accountId,
      accountName: r.accountName,
      contacts: names(r.contactIds),
      method: r.method,
      outcome: r.outcome,
      talkingPoints: r.talkingPoints,
      nextStep: r.nextStep,
    }));

  const nextWeekPlans = plans
    .filter((p) => within(p.plannedStart, bounds.nextStart, bounds.nextEnd))
    .filter((p) => p.status !== "CANCELLED" && p.status !== "DONE")
    .sort((a, b) => a.plannedStart.getTime() - b.plannedStart.getTime() || (a.id < b.id ? -1 : 1))
    .map((p) => ({
      planId: p.id,
      date: chinaDate(p.plannedStart),
      plannedStart: p.plannedStart,
      accountId: p.accountId,
      accountName: p.accountName,
      contacts: names(p.contactIds),
      method: p.method,
      purpose: p.purpose,
      status: p.status,
    }));

  const byOutcome: Record<VisitOutcome, number> = { ADVANCED: 0, NO_PROGRESS: 0, SETBACK: 0 };
  for (const c of contacts) if (c.outcome) byOutcome[c.outcome]++;
  const people = new Set(
    records.filter((r) => within(r.visitedAt, bounds.start, bounds.end)).flatMap((r) => r.contactIds),
  );
  return {
    contacts,
    nextWeekPlans,
    counts: {
      visits: contacts.length,
      accounts: new Set(contacts.map((c) => c.accountId)).size,
      people: [...people].filter((id) => contactNames.has(id)).length,
      byOutcome,
    },
  };
}
