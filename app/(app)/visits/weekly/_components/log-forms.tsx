"use client";

import { ActionForm, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/types";

type Saved = { id: string; version: number; weekStart: string };
type LogAction = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

/** Which log a form writes: the person, the week, and the version the page showed (0: none yet). */
function LogRef({ personId, week, version }: { personId: string; week: string; version: number }) {
  return (
    <>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="week" value={week} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function WeeklyTextsForm({
  action,
  logRef,
  defaults,
  labels,
}: {
  action: LogAction;
  logRef: { personId: string; week: string; version: number };
  defaults: { summary: string; nextWeekPlan: string };
  labels: { summary: string; nextWeekPlan: string; save: string; form: string };
}) {
  return (
    <ActionForm action={action} aria-label={labels.form} className="print:hidden">
      <LogRef {...logRef} />
      <TextAreaField
        name="summary"
        label={labels.summary}
        defaultValue={defaults.summary}
        rows={5}
        maxLength={4000}
      />
      <TextAreaField
        name="nextWeekPlan"
        label={labels.nextWeekPlan}
        defaultValue={defaults.nextWeekPlan}
        rows={5}
        maxLength={4000}
      />
      <SubmitButton>{labels.save}</SubmitButton>
    </ActionForm>
  );
}

export function CommentForm({
  action,
  logRef,
  defaultValue,
  labels,
}: {
  action: LogAction;
  logRef: { personId: string; week: string; version: number };
  defaultValue: string;
  labels: { comment: string; save: string };
}) {
  return (
    <ActionForm action={action} aria-label={labels.comment} className="print:hidden">
      <LogRef {...logRef} />
      <TextAreaField
        name="comment"
        label={labels.comment}
        defaultValue={defaultValue}
        rows={3}
        maxLength={2000}
      />
      <SubmitButton>{labels.save}</SubmitButton>
    </ActionForm>
  );
}
