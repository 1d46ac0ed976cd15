import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { chinaTime, type CalendarEvent } from "@/lib/domain/visit-calendar";

/** Where an event opens: a plan's page or a record's. */
export const eventHref = (e: Pick<CalendarEvent, "kind" | "id">) =>
  e.kind === "plan" ? `/visits/plans/${encodeURIComponent(e.id)}` : `/visits/${encodeURIComponent(e.id)}`;

const TONE: Record<string, "neutral" | "good" | "warn" | "bad" | "info"> = {
  APPROVED: "info",
  SUBMITTED: "warn",
  RETURNED: "warn",
  DRAFT: "neutral",
  DONE: "good",
  CANCELLED: "neutral",
  MISSED: "bad",
  ADVANCED: "good",
  NO_PROGRESS: "neutral",
  SETBACK: "bad",
};

export type EventLabels = {
  kind: string;
  status: string | null;
  method: string;
  /** The accessible name: kind, account and time. */
  name: string;
};

/**
 * One plan or visit in the calendar, as a link. `compact` is the month grid's one-line form; the
 * full form (agenda, week, day) shows the method, place and status too, and is 44 px tall to tap.
 */
export function EventLink({
  event,
  labels,
  compact = false,
  showOwner = false,
}: {
  event: CalendarEvent;
  labels: EventLabels;
  compact?: boolean;
  showOwner?: boolean;
}) {
  const isPlan = event.kind === "plan";
  const faded = event.status === "CANCELLED";
  const colours = isPlan
    ? "border-indigo-500 bg-indigo-50 hover:bg-indigo-100"
    : "border-emerald-600 bg-emerald-50 hover:bg-emerald-100";
  if (compact) {
    return (
      <Link
        href={eventHref(event)}
        prefetch={false}
        aria-label={labels.name}
        title={labels.name}
        className={cn(
          "block truncate rounded border-l-4 px-1.5 py-0.5 text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600",
          colours,
          faded && "line-through opacity-70",
        )}
      >
        <span className="tabular-nums text-slate-700">{chinaTime(event.start)}</span> {event.accountName}
      </Link>
    );
  }
  return (
    <Link
      href={eventHref(event)}
      prefetch={false}
      aria-label={labels.name}
      className={cn(
        "block min-h-11 rounded-md border-l-4 px-3 py-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600",
        colours,
      )}
    >
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="tabular-nums font-medium text-slate-700">
          {chinaTime(event.start)}–{chinaTime(event.end)}
        </span>
        <span className={cn("min-w-0 break-words font-medium", faded && "line-through")}>
          {event.accountName}
        </span>
      </span>
      <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-700">
        <Badge tone={isPlan ? "info" : "good"}>{labels.kind}</Badge>
        {labels.status && event.status ? (
          <Badge tone={TONE[event.status] ?? "neutral"}>{labels.status}</Badge>
        ) : null}
        <span>{labels.method}</span>
        {event.place ? <span className="break-words">· {event.place}</span> : null}
        {showOwner ? <span>· {event.ownerName}</span> : null}
      </span>
    </Link>
  );
}
