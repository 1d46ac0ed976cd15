"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";

/** A rows-per-page choice; each option carries the href of the list with that page size. */
export function PageSizeSelect({
  label,
  value,
  options,
}: {
  label: string;
  value: number;
  options: { value: number; href: string }[];
}) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-busy={pending || undefined}
        onChange={(e) => {
          const option = options.find((o) => String(o.value) === e.target.value);
          if (option) startTransition(() => router.push(option.href, { scroll: false }));
        }}
        className="h-11 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus:outline-2 sm:h-8 focus:outline-indigo-600"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value}
          </option>
        ))}
      </select>
    </div>
  );
}
