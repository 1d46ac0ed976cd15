import Link from "next/link";
import Form from "next/form";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { CALENDAR_VIEWS, type CalendarView } from "@/lib/domain/visit-calendar";
import type { IsoDate } from "@/lib/domain/calendar";

/** The calendar's URL: everything it shows is in it (view, day, person), so it can be shared. */
export function calendarHref(state: { view: CalendarView; date: IsoDate; person?: string }) {
  const params = new URLSearchParams({ view: state.view, date: state.date });
  if (state.person) params.set("person", state.person);
  return `/visits/calendar?${params}`;
}

const navLink = "inline-flex h-11 min-w-11 items-center justify-center rounded-md px-3 text-sm sm:h-9";

/** View switch, previous / today / next, and (for managers) whose calendar. Links and a GET form: no script needed. */
export function CalendarToolbar({
  view,
  anchor,
  today,
  previous,
  next,
  person,
  people,
  labels,
}: {
  view: CalendarView;
  anchor: IsoDate;
  today: IsoDate;
  previous: IsoDate;
  next: IsoDate;
  /** The chosen person when it is not the viewer (kept in every link). */
  person?: string;
  /** Whose calendars the viewer may open; one entry (themselves) hides the filter. */
  people: { id: string; label: string; selected: boolean }[];
  labels: {
    views: Record<CalendarView, string>;
    viewLabel: string;
    navLabel: string;
    previous: string;
    next: string;
    today: string;
    personFilter: string;
    show: string;
  };
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label={labels.viewLabel}>
          <ul className="flex rounded-md border border-slate-300 bg-white p-0.5">
            {CALENDAR_VIEWS.map((v) => (
              <li key={v}>
                <Link
                  href={calendarHref({ view: v, date: anchor, person })}
                  aria-current={v === view ? "page" : undefined}
                  className={cn(
                    navLink,
                    v === view
                      ? "bg-indigo-700 font-semibold text-white"
                      : "text-slate-800 hover:bg-slate-100",
                  )}
                >
                  {labels.views[v]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={labels.navLabel}>
          <ul className="flex items-center gap-1">
            <li>
              <Link
                href={calendarHref({ view, date: previous, person })}
                aria-label={labels.previous}
                className={cn(navLink, "border border-slate-300 bg-white hover:bg-slate-50")}
              >
                <span aria-hidden="true">‹</span>
              </Link>
            </li>
            <li>
              <Link
                href={calendarHref({ view, date: today, person })}
                aria-current={anchor === today ? "date" : undefined}
                className={cn(navLink, "border border-slate-300 bg-white hover:bg-slate-50")}
              >
                {labels.today}
              </Link>
            </li>
            <li>
              <Link
                href={calendarHref({ view, date: next, person })}
                aria-label={labels.next}
                className={cn(navLink, "border border-slate-300 bg-white hover:bg-slate-50")}
              >
                <span aria-hidden="true">›</span>
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      {people.length > 1 ? (
        <Form action="/visits/calendar" className="flex w-full items-end gap-2 sm:w-auto">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={anchor} />
          <div className="min-w-0 flex-1">
            <label htmlFor="calendar-person" className="mb-1 block text-sm font-medium text-slate-800">
              {labels.personFilter}
            </label>
            <Select id="calendar-person" name="person" defaultValue={people.find((p) => p.selected)?.id}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {labels.show}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
