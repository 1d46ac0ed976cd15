"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";
import { cn } from "@/components/ui/cn";

/**
 * A group of radio buttons inside an ActionForm: the legend names it, the error appears beside it,
 * and after an error the choice the person made is kept.
 */
export function RadioGroupField({
  name,
  legend,
  options,
  defaultValue,
  className,
  disabled,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; tone?: "good" | "bad" | "neutral" }[];
  defaultValue?: string;
  className?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  const echoed =
    state.status === "error" && state.values && name in state.values ? state.values[name] : undefined;
  const value = (Array.isArray(echoed) ? echoed[0] : echoed) ?? defaultValue;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className={className} aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600",
              o.tone === "good" && "has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-50",
              o.tone === "bad" && "has-[:checked]:border-red-600 has-[:checked]:bg-red-50",
              (!o.tone || o.tone === "neutral") &&
                "has-[:checked]:border-slate-600 has-[:checked]:bg-slate-100",
              disabled && "cursor-not-allowed opacity-70",
            )}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              disabled={disabled}
              className="h-4 w-4 accent-indigo-700"
            />
            {o.label}
          </label>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
