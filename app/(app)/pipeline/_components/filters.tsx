import Form from "next/form";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import {
  FilterCheckboxes,
  FilterChoice as Choice,
  FilterField as Field,
  type FilterOption,
} from "@/components/forms/filter-fields";
import { Input } from "@/components/ui/input";
import type { BoardFilters } from "@/lib/validation/deals";

export type BoardFilterLabels = {
  summary: string;
  label: string;
  search: string;
  searchPlaceholder: string;
  owner: string;
  team: string;
  tier: string;
  valueMin: string;
  valueMax: string;
  closeFrom: string;
  closeTo: string;
  any: string;
  apply: string;
  clear: string;
};

/**
 * The board's filters: a GET form, so they live in the URL (shareable, and the list view uses the
 * same ones). Folded into a disclosure on a phone; open from the large breakpoint up.
 */
export function BoardFilterForm({
  filters,
  stateKey,
  keep,
  clearHref,
  labels,
  options,
}: {
  filters: BoardFilters;
  /** Changes with the URL so the uncontrolled fields show the new state after a navigation. */
  stateKey: string;
  /** What the form carries along unchanged: the list view and its sort. */
  keep: [name: string, value: string][];
  clearHref: string;
  labels: BoardFilterLabels;
  options: { owners: FilterOption[]; teams: FilterOption[]; tiers: FilterOption[] };
}) {
  return (
    <details className="group rounded-lg border border-slate-200 bg-white lg:details-content:[content-visibility:visible] lg:supports-[selector(::details-content)]:[&>summary]:hidden">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-4 py-3 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {labels.summary}
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <Form
        key={stateKey}
        action="/pipeline"
        role="search"
        aria-label={labels.label}
        className="grid gap-3 p-4 pt-1 sm:grid-cols-2 lg:grid-cols-4 lg:pt-4"
      >
        {keep.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="sm:col-span-2">
          <Field id="pipeline-q" label={labels.search}>
            <Input
              id="pipeline-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              placeholder={labels.searchPlaceholder}
              maxLength={100}
              autoComplete="off"
            />
          </Field>
        </div>
        <Choice
          id="pipeline-owner"
          name="ownerId"
          label={labels.owner}
          options={options.owners}
          value={filters.ownerId}
          anyLabel={labels.any}
        />
        {options.teams.length > 1 ? (
          <Choice
            id="pipeline-team"
            name="teamId"
            label={labels.team}
            options={options.teams}
            value={filters.teamId}
            anyLabel={labels.any}
          />
        ) : (
          <div className="hidden lg:block" />
        )}
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <Field id="pipeline-value-min" label={labels.valueMin}>
            <Input
              id="pipeline-value-min"
              name="valueMin"
              type="number"
              inputMode="numeric"
              min={0}
              step="any"
              defaultValue={filters.valueMin ?? ""}
            />
          </Field>
          <Field id="pipeline-value-max" label={labels.valueMax}>
            <Input
              id="pipeline-value-max"
              name="valueMax"
              type="number"
              inputMode="numeric"
              min={0}
              step="any"
              defaultValue={filters.valueMax ?? ""}
            />
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <Field id="pipeline-close-from" label={labels.closeFrom}>
            <Input
              id="pipeline-close-from"
              name="closeFrom"
              type="date"
              defaultValue={filters.closeFrom ?? ""}
            />
          </Field>
          <Field id="pipeline-close-to" label={labels.closeTo}>
            <Input id="pipeline-close-to" name="closeTo" type="date" defaultValue={filters.closeTo ?? ""} />
          </Field>
        </div>
        <FilterCheckboxes
          name="tier"
          legend={labels.tier}
          options={options.tiers}
          checked={filters.tier}
          className="sm:col-span-2"
        />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2">
          <Button type="submit" size="sm">
            {labels.apply}
          </Button>
          <Link href={clearHref} className={buttonClass("ghost", "sm")}>
            {labels.clear}
          </Link>
        </div>
      </Form>
    </details>
  );
}
