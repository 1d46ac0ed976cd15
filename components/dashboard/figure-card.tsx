import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type Comparison = { label: string; delta: string; tone: "up" | "down" | "flat"; was: string };

/**
 * One figure: its value, what it is measured against (target, pace), and the same figure in the
 * previous period and a year earlier. The whole card links to the records behind it.
 */
export function FigureCard({
  label,
  value,
  href,
  openLabel,
  details = [],
  comparisons = [],
  warn = false,
}: {
  label: string;
  value: ReactNode;
  href?: string;
  openLabel: string;
  details?: ReactNode[];
  comparisons?: Comparison[];
  warn?: boolean;
}) {
  const body = (
    <>
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd
        className={cn(
          "mt-1 text-xl font-semibold break-words tabular-nums sm:text-2xl",
          warn ? "text-amber-800" : "text-slate-900",
        )}
      >
        {value}
      </dd>
      {details.map((d, i) => (
        <dd key={i} className="mt-0.5 text-xs text-slate-700">
          {d}
        </dd>
      ))}
      {comparisons.length ? (
        <dd className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
          {comparisons.map((c) => (
            <span key={c.label} title={c.was}>
              <span className="text-slate-600">{c.label} </span>
              <span
                className={cn(
                  "font-medium whitespace-nowrap tabular-nums",
                  c.tone === "up"
                    ? "text-emerald-800"
                    : c.tone === "down"
                      ? "text-red-800"
                      : "text-slate-700",
                )}
              >
                {c.delta}
              </span>
              <span className="sr-only"> ({c.was})</span>
            </span>
          ))}
        </dd>
      ) : null}
    </>
  );
  return (
    <div className="relative min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      {href ? (
        <>
          {body}
          <dd className="mt-2">
            <Link
              href={href}
              className="text-xs font-medium text-indigo-700 underline-offset-2 after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {openLabel}
              <span className="sr-only">: {label}</span>
            </Link>
          </dd>
        </>
      ) : (
        body
      )}
    </div>
  );
}
