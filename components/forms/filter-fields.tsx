import type { ReactNode } from "react";
import Form from "next/form";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/input";

// A GET filter form (the account list, the pipeline board) and its controls: the panel, a search
// field, a select with an "any" choice, and a set of checkboxes; and the labelled field they and
// other plain forms (admin filters, the programme rows) share.

/**
 * A GET form, so every filter lives in the URL. On a phone it folds into a disclosure; from the
 * large breakpoint up it is always open (where ::details-content is supported; elsewhere the
 * disclosure simply stays). Ends with "apply" and a link that clears the filters.
 */
export function FilterPanel({
  action,
  stateKey,
  keep,
  labels,
  clearHref,
  className,
  actionsClassName,
  children,
}: {
  action: string;
  /** Changes with the URL, so the fields show the new state after a navigation (they are uncontrolled). */
  stateKey: string;
  /** State that is not a filter (a view, a sort…), carried across a new search. */
  keep: Record<string, string>;
  labels: { summary: string; label: string; apply: string; clear: string };
  clearHref: string;
  className?: string;
  actionsClassName?: string;
  children: ReactNode;
}) {
  return (
    <details
      className={cn(
        "group lg:details-content:[content-visibility:visible] lg:supports-[selector(::details-content)]:[&>summary]:hidden",
        className,
      )}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 px-4 py-3 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {labels.summary}
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <Form
        key={stateKey}
        action={action}
        role="search"
        aria-label={labels.label}
        className="grid gap-3 p-4 pt-1 sm:grid-cols-2 lg:grid-cols-4 lg:pt-4"
      >
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <div className={cn("flex flex-wrap items-end gap-2 sm:col-span-2", actionsClassName)}>
          <Button type="submit" size="sm">
            {labels.apply}
          </Button>
          <Link href={clearHref} prefetch={false} className={buttonClass("ghost", "sm")}>
            {labels.clear}
          </Link>
        </div>
      </Form>
    </details>
  );
}

/** The free-text search, two columns wide. */
export function FilterSearch({
  id,
  label,
  placeholder,
  defaultValue,
}: {
  id: string;
  label: string;
  placeholder: string;
  defaultValue: string | undefined;
}) {
  return (
    <div className="sm:col-span-2">
      <LabelledField id={id} label={label}>
        <Input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue ?? ""}
          placeholder={placeholder}
          maxLength={100}
          autoComplete="off"
        />
      </LabelledField>
    </div>
  );
}

export type FilterOption = { value: string; label: string };

/** A labelled control (plain markup): any form's field whose input the caller renders with `id`. */
export function LabelledField({
  id,
  label,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
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
          <label
            key={o.value}
            className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-8"
          >
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
    <LabelledField id={id} label={label} hint={hint}>
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
    </LabelledField>
  );
}
