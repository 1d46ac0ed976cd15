"use client";

import { useFormState } from "@/components/forms/action-form";

/**
 * The unmet gate items a refused move came back with (the `_gate` field errors), listed under the
 * form's message so the person sees exactly what is missing.
 */
export function GateErrors({ title }: { title: string }) {
  const state = useFormState();
  const items = state.status === "error" ? state.fieldErrors?._gate : undefined;
  if (!items?.length) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
