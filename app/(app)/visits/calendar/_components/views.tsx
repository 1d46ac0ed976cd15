import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { IsoDate } from "@/lib/domain/calendar";
import type { CalendarEvent, MonthCell } from "@/lib/domain/visit-calendar";
import { EventLink, type EventLabels } from "./event-link";

// The three layouts of the calendar. On a phone (< 640 px) the week and month show as an agenda
// list (days with something on them); from sm up the week is seven columns and the month a grid.
// Both are rendered by the server and one is hidden by CSS, so no script decides the layout.

type Common = {
  byDay: Map<IsoDate, CalendarEvent[]>;
  labelsOf: (e: CalendarEvent) => EventLabels;
  dayLabel: (d: IsoDate) => string;
  today: IsoDate;
  showOwner: boolean;
};

/** Days that have events, each with its list: the phone's view, and the day view. */
export function Agenda({
  days,
  byDay,
  labelsOf,
  dayLabel,
  today,
  showOwner,
  empty,
  className,
}: Common & { days: IsoDate[]; empty: string; className?: string }) {
  const busy = days.filter((d) => (byDay.get(d) ?? []).length > 0);
  if (!busy.length)
    return (
      <p
        className={cn(
          "rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600",
          className,
        )}
      >
        {empty}
      </p>
    );
  return (
    <ol className={cn("space-y-4", className)} data-testid="calendar-agenda">
      {busy.map((d) => (
        <li key={d} aria-labelledby={`agenda-${d}`}>
          <h3
            id={`agenda-${d}`}
            className={cn("mb-2 text-sm font-semibold", d === today ? "text-indigo-800" : "text-slate-800")}
          >
            {dayLabel(d)}
          </h3>
          <ul className="space-y-2">
            {byDay.get(d)!.map((e) => (
              <li key={`${e.kind}-${e.id}`}>
                <EventLink event={e} labels={labelsOf(e)} showOwner={showOwner} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Seven columns, Monday first. */
export function WeekColumns({
  days,
  byDay,
  labelsOf,
  dayLabel,
  today,
  showOwner,
  emptyDay,
  dayHref,
}: Common & { days: IsoDate[]; emptyDay: string; dayHref: (d: IsoDate) => string }) {
  return (
    <ol className="hidden gap-2 sm:grid sm:grid-cols-7" data-testid="calendar-week">
      {days.map((d) => (
        <li
          key={d}
          className={cn(
            "min-w-0 rounded-lg border bg-white p-2",
            d === today ? "border-indigo-400" : "border-slate-200",
          )}
        >
          <Link
            href={dayHref(d)}
            className={cn(
              "mb-2 block text-xs font-semibold hover:underline",
              d === today ? "text-indigo-800" : "text-slate-700",
            )}
          >
            {dayLabel(d)}
          </Link>
          <ul className="space-y-1.5">
            {(byDay.get(d) ?? []).map((e) => (
              <li key={`${e.kind}-${e.id}`}>
                <EventLink event={e} labels={labelsOf(e)} compact showOwner={showOwner} />
              </li>
            ))}
          </ul>
          {(byDay.get(d) ?? []).length === 0 ? <p className="text-xs text-slate-500">{emptyDay}</p> : null}
        </li>
      ))}
    </ol>
  );
}

const MONTH_CELL_EVENTS = 3;

/** The month as weeks of seven days; a busy day shows its first three and a link to the rest. */
export function MonthTable({
  weeks,
  weekdays,
  byDay,
  labelsOf,
  showOwner,
  dayHref,
  dayNumberLabel,
  more,
  caption,
}: Omit<Common, "dayLabel" | "today"> & {
  weeks: MonthCell[][];
  weekdays: string[];
  dayHref: (d: IsoDate) => string;
  dayNumberLabel: (d: IsoDate) => string;
  more: (count: number) => string;
  caption: string;
}) {
  return (
    <table className="hidden w-full table-fixed border-collapse sm:table" data-testid="calendar-month">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col" className="pb-1 text-left text-xs font-semibold text-slate-600">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.date}>
            {week.map((cell) => {
              const events = byDay.get(cell.date) ?? [];
              return (
                <td
                  key={cell.date}
                  className={cn(
                    "h-28 border border-slate-200 p-1 align-top",
                    cell.inMonth ? "bg-white" : "bg-slate-50",
                    cell.isToday && "ring-2 ring-inset ring-indigo-400",
                  )}
                >
                  <Link
                    href={dayHref(cell.date)}
                    aria-label={dayNumberLabel(cell.date)}
                    className={cn(
                      "mb-1 inline-block rounded px-1 text-xs font-semibold tabular-nums hover:underline",
                      cell.isToday
                        ? "bg-indigo-700 text-white"
                        : cell.inMonth
                          ? "text-slate-800"
                          : "text-slate-500",
                    )}
                  >
                    {Number(cell.date.slice(8))}
                  </Link>
                  <ul className="space-y-0.5">
                    {events.slice(0, MONTH_CELL_EVENTS).map((e) => (
                      <li key={`${e.kind}-${e.id}`}>
                        <EventLink event={e} labels={labelsOf(e)} compact showOwner={showOwner} />
                      </li>
                    ))}
                  </ul>
                  {events.length > MONTH_CELL_EVENTS ? (
                    <Link
                      href={dayHref(cell.date)}
                      className="mt-0.5 block text-xs text-indigo-800 hover:underline"
                    >
                      {more(events.length - MONTH_CELL_EVENTS)}
                    </Link>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
