"use client";

import { useFormState } from "@/components/forms/action-form";
import type { GateItem } from "@/lib/domain/pipeline";

/**
 * The unmet gate items a refused move came back with (the answer's `gate`, item ids), listed in the
 * person's language under the form's message so they see exactly what is missing.
 */
export function GateErrors({ title, labels }: { title: string; labels: Record<GateItem, string> }) {
  const state = useFormState();
  const gate = state.status === "error" ? state.gate : undefined;
  if (!gate?.unmet.length) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {gate.unmet.map((item) => (
          <li key={item}>{labels[item]}</li>
        ))}
      </ul>
    </div>
  );
}
