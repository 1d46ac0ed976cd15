import {
  FilterCheckboxes as Checkboxes,
  FilterChoice as Choice,
  LabelledField as Field,
  FilterPanel,
  FilterSearch,
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
  health: string;
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

/** The account list's filters (a FilterPanel: in the URL, folded on a phone). */
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
    healthBands: FilterOption[];
    lifecycles: FilterOption[];
    industries: FilterOption[];
    sizes: FilterOption[];
    territories: FilterOption[];
    owners: FilterOption[];
  };
}) {
  return (
    <FilterPanel
      action="/accounts"
      stateKey={stateKey}
      keep={keep}
      labels={labels}
      clearHref={clearHref}
      className="border-b border-slate-200"
      actionsClassName="lg:col-span-4"
    >
      <FilterSearch
        id="filter-q"
        label={labels.search}
        placeholder={labels.searchPlaceholder}
        defaultValue={query.q}
      />
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
        name="health"
        legend={labels.health}
        options={options.healthBands}
        checked={query.health}
        className="sm:col-span-2"
      />
      <Checkboxes
        name="lifecycle"
        legend={labels.lifecycle}
        options={options.lifecycles}
        checked={query.lifecycle}
        className="sm:col-span-2"
      />
    </FilterPanel>
  );
}
