"use client";

import { useId } from "react";
import { FieldMessage, useFormState } from "@/components/forms/action-form";

/**
 * A set of checkboxes sending one value per ticked box under `name` (contacts to meet, colleagues
 * going along). After an error it keeps what was ticked; each row is a 44 px tap target.
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  empty,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
  empty: string;
}) {
  const id = useId();
  const state = useFormState();
  const echoed = state.status === "error" && state.values ? state.values[name] : undefined;
  const checked = new Set(
    state.status === "error"
      ? echoed === undefined
        ? []
        : Array.isArray(echoed)
          ? echoed
          : [echoed]
      : defaultValues,
  );
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          {options.map((o) => (
            <label
              key={o.value}
              className="flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-8"
            >
              <input
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                className="h-5 w-5 shrink-0 accent-indigo-700"
              />
              <span className="min-w-0 break-words">{o.label}</span>
            </label>
          ))}
        </div>
      )}
      <FieldMessage id={errorId}>{errors?.length ? errors.join(" ") : null}</FieldMessage>
    </fieldset>
  );
}
