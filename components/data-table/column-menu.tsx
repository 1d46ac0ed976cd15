"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useRef, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { columnsParam, hrefWith } from "./url";

export type ColumnChoice = {
  id: string;
  label: string;
  /** Shown always (e.g. the name column): its checkbox cannot be unticked. */
  locked?: boolean;
};

/**
 * A small disclosure of checkboxes that shows and hides a table's columns. The choice is kept in
 * the list's address (`param`, e.g. `cols=name,tier,score`), so bookmarks and saved views keep it.
 */
export function ColumnMenu({
  label,
  menuLabel,
  lockedLabel,
  columns,
  visible,
  defaults,
  path,
  params,
  param = "cols",
}: {
  label: string;
  menuLabel: string;
  lockedLabel: string;
  columns: ColumnChoice[];
  visible: string[];
  defaults: string[];
  path: string;
  /** The list's current query string. */
  params: string;
  param?: string;
}) {
  const router = useRouter();
  const details = useRef<HTMLDetailsElement>(null);
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(new Set(visible), (_: Set<string>, next: Set<string>) => next);

  function toggle(id: string) {
    const next = new Set(shown);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    startTransition(() => {
      setShown(next);
      router.replace(hrefWith(path, params, { [param]: columnsParam(columns, next, defaults) }), {
        scroll: false,
      });
    });
  }

  return (
    <details
      ref={details}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && details.current?.open) {
          details.current.open = false;
          details.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className={`${buttonClass("secondary", "sm")} cursor-pointer list-none`}>
        {label}
        <span aria-hidden="true">▾</span>
      </summary>
      <fieldset
        aria-busy={pending || undefined}
        className="absolute right-0 z-20 mt-1 w-60 space-y-1.5 rounded-md border border-slate-200 bg-white p-3 shadow-lg"
      >
        <legend className="sr-only">{menuLabel}</legend>
        {columns.map((c) => (
          <label key={c.id} className="flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-0">
            <input
              type="checkbox"
              name={param}
              value={c.id}
              className="size-4 accent-indigo-700"
              checked={c.locked || shown.has(c.id)}
              disabled={c.locked}
              onChange={() => toggle(c.id)}
            />
            <span>
              {c.label}
              {c.locked ? <span className="text-xs text-slate-600"> ({lockedLabel})</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
