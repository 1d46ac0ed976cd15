"use client";

import { useFormState } from "@/components/forms/action-form";

/** The server's messages for a field that has no single input (the allocation lines of a payment). */
export function FieldErrors({ name, id }: { name: string; id?: string }) {
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-800">
      {errors.join(" ")}
    </p>
  );
}
