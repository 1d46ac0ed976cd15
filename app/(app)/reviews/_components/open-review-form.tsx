"use client";

import Link from "next/link";
import type { ActionState } from "@/lib/actions/types";
import { ActionForm, SelectField, SubmitButton, useFormState } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";

type Option = { value: string; label: string };
type Opened = { id: string; existing: boolean };
export type OpenReviewLabels = Record<
  "title" | "person" | "choose" | "period" | "freezes" | "submit" | "exists" | "openExisting",
  string
>;

/** When the person already has a review for the period, the answer is a link to it. */
function ExistingReview({ labels }: { labels: OpenReviewLabels }) {
  const state = useFormState() as ActionState<Opened>;
  if (state.status !== "ok" || !state.data?.existing) return null;
  return (
    <Alert tone="info">
      {labels.exists}{" "}
      <Link href={`/reviews/${encodeURIComponent(state.data.id)}`} className="font-medium underline">
        {labels.openExisting}
      </Link>
    </Alert>
  );
}

/** 发起绩效考核: whom (unless fixed) and which period; the scorecard is frozen when it opens. */
export function OpenReviewForm({
  action,
  people,
  subjectId,
  periods,
  defaultPeriod,
  labels,
}: {
  action: (state: ActionState<Opened>, formData: FormData) => Promise<ActionState<Opened>>;
  people?: Option[];
  subjectId?: string;
  periods: Option[];
  defaultPeriod: string;
  /** Passed in by the page: the root layout sends client components only the shared catalogues. */
  labels: OpenReviewLabels;
}) {
  return (
    <ActionForm action={action} aria-label={labels.title} className="space-y-3 print:hidden">
      <ExistingReview labels={labels} />
      <div className="grid gap-3 sm:grid-cols-2">
        {subjectId ? (
          <input type="hidden" name="subjectId" value={subjectId} />
        ) : (
          <SelectField
            name="subjectId"
            label={labels.person}
            options={people ?? []}
            placeholder={labels.choose}
          />
        )}
        <SelectField name="period" label={labels.period} options={periods} defaultValue={defaultPeriod} />
      </div>
      <p className="text-xs text-slate-600">{labels.freezes}</p>
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
