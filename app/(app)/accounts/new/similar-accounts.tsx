"use client";

import Link from "next/link";
import { useFormState } from "@/components/forms/action-form";
import type { CreateAccountState } from "./actions";

/**
 * After "Create" found accounts with similar names: lists them (each opens in the same tab) and
 * asks the person to confirm that theirs is a different company before it is created.
 */
export function SimilarAccounts({ heading, confirmLabel }: { heading: string; confirmLabel: string }) {
  const state = useFormState() as CreateAccountState;
  const similar = state.status === "error" ? state.similar : undefined;
  // Once ticked, the box stays (ticked) through other errors, so the question is not asked twice.
  const confirmed = state.status === "error" && state.values?.confirmSimilar === "on";
  if (!similar?.length && !confirmed) return null;
  const errors = state.status === "error" ? state.fieldErrors?.confirmSimilar : undefined;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      {similar?.length ? (
        <>
          <h2 className="font-semibold">{heading}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {similar.map((a) => (
              <li key={a.id}>
                <Link
                  href={`/accounts/${encodeURIComponent(a.id)}`}
                  className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                >
                  {a.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <label className="mt-3 flex min-h-11 items-center gap-2 font-medium first:mt-0 sm:min-h-0 sm:items-start">
        <input
          type="checkbox"
          name="confirmSimilar"
          defaultChecked={confirmed}
          className="mt-0.5 h-4 w-4 accent-indigo-700"
          aria-describedby={errors?.length ? "confirm-similar-error" : undefined}
        />
        <span>{confirmLabel}</span>
      </label>
      {errors?.length ? (
        <p id="confirm-similar-error" className="mt-1 text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
