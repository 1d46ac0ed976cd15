import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AccountListQuery } from "@/lib/validation/accounts";

type Option = { value: string; label: string };

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

function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function Checkboxes({
  name,
  legend,
  options,
  checked,
  className,
}: {
  name: string;
  legend: string;
  options: Option[];
  checked: readonly string[];
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-8 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              className="size-4 accent-indigo-700"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Choice({
  id,
  name,
  label,
  hint,
  options,
  value,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  options: Option[];
  value: string | undefined;
  anyLabel: string;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <Select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

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
    tiers: Option[];
    lifecycles: Option[];
    industries: Option[];
    sizes: Option[];
    territories: Option[];
    owners: Option[];
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
