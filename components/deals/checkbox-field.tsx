"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

/**
 * A checkbox inside an ActionForm: after an error it keeps what the person ticked (an unticked box
 * is simply absent from the submitted values), and its error and hint sit beside it.
 */
export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  disabled,
  className,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultChecked?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  const id = useId();
  const state = useFormState();
  const echoed = state.status === "error" && state.values ? name in state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      {/* The whole row is the label: a 44 px tap target on a phone. */}
      <label
        htmlFor={id}
        className="flex min-h-11 items-center gap-2 text-sm font-medium text-slate-800 sm:min-h-0 sm:items-start"
      >
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={echoed ?? defaultChecked}
          disabled={disabled}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          aria-invalid={errorId ? true : undefined}
          className="h-5 w-5 shrink-0 accent-indigo-700 sm:mt-0.5"
        />
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 pl-7 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="mt-1 pl-7 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
