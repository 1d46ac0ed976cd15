import {
  FilterCheckboxes,
  FilterChoice as Choice,
  LabelledField as Field,
  FilterPanel,
  FilterSearch,
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
  /** An example amount, in the way the language writes it ("e.g. 500k" / "如 50万"). */
  amountPlaceholder: string;
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
  keep: Record<string, string>;
  clearHref: string;
  labels: BoardFilterLabels;
  options: { owners: FilterOption[]; teams: FilterOption[]; tiers: FilterOption[] };
}) {
  return (
    <FilterPanel
      action="/pipeline"
      stateKey={stateKey}
      keep={keep}
      labels={labels}
      clearHref={clearHref}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <FilterSearch
        id="pipeline-q"
        label={labels.search}
        placeholder={labels.searchPlaceholder}
        defaultValue={filters.q}
      />
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
            inputMode="decimal"
            autoComplete="off"
            placeholder={labels.amountPlaceholder}
            defaultValue={filters.valueMin ?? ""}
          />
        </Field>
        <Field id="pipeline-value-max" label={labels.valueMax}>
          <Input
            id="pipeline-value-max"
            name="valueMax"
            inputMode="decimal"
            autoComplete="off"
            placeholder={labels.amountPlaceholder}
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
    </FilterPanel>
  );
}
