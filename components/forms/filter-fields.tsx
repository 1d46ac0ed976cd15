import type { ReactNode } from "react";
import { Select } from "@/components/ui/input";

// The controls of a GET filter form (the account list, the pipeline board): a labelled field, a
// select with an "any" choice, and a set of checkboxes.

export type FilterOption = { value: string; label: string };

export function FilterField({
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

export function FilterCheckboxes({
  name,
  legend,
  options,
  checked,
  className,
}: {
  name: string;
  legend: string;
  options: FilterOption[];
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

export function FilterChoice({
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
  options: FilterOption[];
  value: string | undefined;
  anyLabel: string;
}) {
  return (
    <FilterField id={id} label={label} hint={hint}>
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
    </FilterField>
  );
}
