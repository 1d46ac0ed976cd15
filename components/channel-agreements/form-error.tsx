"use client";

import { FieldMessage, useFormState } from "@/components/forms/action-form";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/control-class";

/** The errors of a group of inputs (bands, products, quarters) that have no single field of their own. */
export function GroupError({ name, id }: { name: string; id?: string }) {
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return <FieldMessage id={id}>{errors.join(" ")}</FieldMessage>;
}

/** A plain input that keeps what was typed after an error (band rows, repeated fields). */
export function EchoInput({
  name,
  index,
  initial,
  label,
  className,
}: {
  name: string;
  index?: number;
  initial: string;
  label: string;
  className?: string;
}) {
  const state = useFormState();
  let value = initial;
  if (state.status === "error" && state.values && name in state.values) {
    const v = state.values[name];
    value = Array.isArray(v) ? (v[index ?? 0] ?? "") : index ? "" : (v ?? "");
  }
  return (
    <input
      name={name}
      defaultValue={value}
      aria-label={label}
      inputMode="decimal"
      className={cn(controlClass(), "min-h-11 min-w-0", className)}
    />
  );
}

/** A product checkbox that stays as the person left it after an error. */
export function EchoCheckbox({ name, initial, label }: { name: string; initial: boolean; label: string }) {
  const state = useFormState();
  const checked = state.status === "error" && state.values ? name in state.values : initial;
  return <input type="checkbox" name={name} defaultChecked={checked} aria-label={label} className="size-5" />;
}
