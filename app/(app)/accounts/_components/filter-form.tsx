import Form from "next/form";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import {
  FilterCheckboxes as Checkboxes,
  FilterChoice as Choice,
  FilterField as Field,
  type FilterOption,
} from "@/components/forms/filter-fields";
import { Input } from "@/components/ui/input";
import type { AccountListQuery } from "@/lib/validation/accounts";

export type FilterLabels = {
  summary: string;
  label: string;
  search: string;
  searchPlaceholder: string;
  tier: string;
  lifecycle: string;
  industry: string;
  size: string;
  region: string;
  regionHint: string;
  owner: string;
  scoreMin: string;
  scoreMax: string;
  any: string;
  apply: string;
  clear: string;
};

/**
 * The account list's filters: a GET form, so every filter lives in the URL. On a phone it folds into
 * a "Filters" disclosure; from the large breakpoint up it is always open (where ::details-content is
 * supported; elsewhere the disclosure simply stays).
 */
export function AccountFilters({
  query,
  stateKey,
  keep,
  clearHref,
  labels,
  options,
}: {
  query: AccountListQuery;
  /** Changes with the URL, so the fields show the new state after a navigation (they are uncontrolled). */
  stateKey: string;
  /** List state that is not a filter (sort, page size, columns), kept across a new search. */
  keep: Record<string, string>;
  clearHref: string;
  labels: FilterLabels;
  options: {
    tiers: FilterOption[];
    lifecycles: FilterOption[];
    industries: FilterOption[];
    sizes: FilterOption[];
    territories: FilterOption[];
    owners: FilterOption[];
  };
}) {
  return (
    <details className="group border-b border-slate-200 lg:details-content:[content-visibility:visible] lg:supports-[selector(::details-content)]:[&>summary]:hidden">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-4 py-3 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {labels.summary}
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <Form
        key={stateKey}
        action="/accounts"
        role="search"
        aria-label={labels.label}
        className="grid gap-3 p-4 pt-1 sm:grid-cols-2 lg:grid-cols-4 lg:pt-4"
      >
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="sm:col-span-2">
          <Field id="filter-q" label={labels.search}>
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={labels.searchPlaceholder}
              maxLength={100}
              autoComplete="off"
            />
          </Field>
        </div>
        <Choice
          id="filter-industry"
          name="industry"
          label={labels.industry}
          options={options.industries}
          value={query.industry[0]}
          anyLabel={labels.any}
        />
        <Choice
          id="filter-size"
          name="size"
          label={labels.size}
          options={options.sizes}
          value={query.size[0]}
          anyLabel={labels.any}
        />
        <Choice
          id="filter-territory"
          name="territoryId"
          label={labels.region}
          hint={labels.regionHint}
          options={options.territories}
          value={query.territoryId}
          anyLabel={labels.any}
        />
        <Choice
          id="filter-owner"
          name="ownerId"
          label={labels.owner}
          options={options.owners}
          value={query.ownerId}
          anyLabel={labels.any}
        />
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <Field id="filter-score-min" label={labels.scoreMin}>
            <Input
              id="filter-score-min"
              name="scoreMin"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              defaultValue={query.scoreMin ?? ""}
            />
          </Field>
          <Field id="filter-score-max" label={labels.scoreMax}>
            <Input
              id="filter-score-max"
              name="scoreMax"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              defaultValue={query.scoreMax ?? ""}
            />
          </Field>
        </div>
        <Checkboxes
          name="tier"
          legend={labels.tier}
          options={options.tiers}
          checked={query.tier}
          className="sm:col-span-2"
        />
        <Checkboxes
          name="lifecycle"
          legend={labels.lifecycle}
          options={options.lifecycles}
          checked={query.lifecycle}
          className="sm:col-span-2"
        />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
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
