import Link from "next/link";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { cn } from "@/components/ui/cn";
import type { SavedViewRow } from "@/lib/data/saved-views";
import { deleteViewAction, saveViewAction } from "../actions";

export type SavedViewLabels = {
  title: string;
  none: string;
  save: string;
  name: string;
  namePlaceholder: string;
  submit: string;
  /** Accessible name of each delete button, per view. */
  delete: (name: string) => string;
};

/** The person's own saved views of the list (links), a way to save the current one, and delete. */
export function SavedViews({
  views,
  currentQuery,
  labels,
}: {
  views: SavedViewRow[];
  /** The current list state, normalised as views store it. */
  currentQuery: string;
  labels: SavedViewLabels;
}) {
  return (
    <section aria-labelledby="saved-views-title" className="border-b border-slate-200 px-4 py-3">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <h2 id="saved-views-title" className="pt-1 text-sm font-semibold text-slate-900">
          {labels.title}
        </h2>
        {views.length ? (
          <ul className="flex min-w-0 flex-1 flex-wrap gap-2">
            {views.map((view) => {
              const current = view.query === currentQuery;
              return (
                <li
                  key={view.id}
                  className={cn(
                    "flex items-center rounded-full border text-sm",
                    current ? "border-indigo-300 bg-indigo-50" : "border-slate-300 bg-white",
                  )}
                >
                  <Link
                    href={view.query ? `/accounts?${view.query}` : "/accounts"}
                    aria-current={current ? "page" : undefined}
                    className="rounded-l-full py-1 pr-1 pl-3 font-medium text-indigo-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    {view.name}
                  </Link>
                  <ActionForm action={deleteViewAction}>
                    <input type="hidden" name="id" value={view.id} />
                    <SubmitButton
                      variant="ghost"
                      size="sm"
                      aria-label={labels.delete(view.name)}
                      title={labels.delete(view.name)}
                      pendingLabel="…"
                      className="h-7 rounded-full px-2 text-slate-600"
                    >
                      <span aria-hidden="true">×</span>
                    </SubmitButton>
                  </ActionForm>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="min-w-0 flex-1 pt-1 text-sm text-slate-600">{labels.none}</p>
        )}
        <details className="group w-full sm:w-auto">
          <summary className="flex min-h-11 cursor-pointer list-none items-center rounded py-1 text-sm sm:block sm:min-h-0 font-medium text-indigo-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
            {labels.save}
          </summary>
          <ActionForm
            action={saveViewAction}
            resetOnSuccess
            aria-label={labels.save}
            className="mt-2 w-full max-w-sm sm:w-72"
          >
            <input type="hidden" name="query" value={currentQuery} />
            <TextField
              name="name"
              label={labels.name}
              placeholder={labels.namePlaceholder}
              required
              maxLength={60}
              autoComplete="off"
            />
            <SubmitButton size="sm">{labels.submit}</SubmitButton>
          </ActionForm>
        </details>
      </div>
    </section>
  );
}
