import { getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card, CardHeader } from "@/components/ui/card";
import {
  CONFLICT_OUTCOMES,
  nextStep,
  type ConflictAction,
  type ConflictStatus,
} from "@/lib/domain/channel-conflicts";
import {
  conflictCauseAction,
  conflictNoteAction,
  escalateConflictAction,
  reopenConflictAction,
  resolveConflictAction,
} from "../actions";

/**
 * The steps the case's status and the viewer's rights allow (lib/domain/channel-conflicts.ts):
 * cause analysis, one step up the ladder with a note, resolving with outcome, amount and prevention
 * note, reopening; then a note on the timeline. The server checks everything again.
 */
export async function ConflictActions({
  c,
  actions,
  canNote,
}: {
  c: {
    id: string;
    version: number;
    status: ConflictStatus;
    causeAnalysis: string | null;
  };
  actions: ConflictAction[];
  canNote: boolean;
}) {
  const t = await getTranslations("channelConflicts");
  const up = nextStep(c.status);
  const has = (a: ConflictAction) => actions.includes(a);
  return (
    <>
      {has("analyse") ? (
        <Card>
          <CardHeader title={t("actions.analyse.title")} />
          <ActionForm action={conflictCauseAction} aria-label={t("actions.analyse.title")} className="p-4">
            <RecordRef id={c.id} version={c.version} />
            <TextAreaField
              name="causeAnalysis"
              label={t("fields.causeAnalysis")}
              rows={3}
              maxLength={4000}
              defaultValue={c.causeAnalysis ?? ""}
              required
            />
            <SubmitButton variant="secondary">{t("actions.analyse.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {has("escalate") && up ? (
        <Card>
          <CardHeader title={t(`actions.escalate.${up}`)} />
          <ActionForm
            action={escalateConflictAction}
            aria-label={t(`actions.escalate.${up}`)}
            className="p-4"
          >
            <RecordRef id={c.id} version={c.version} />
            <TextAreaField
              name="note"
              label={t("actions.escalate.note")}
              rows={2}
              maxLength={2000}
              required
            />
            <SubmitButton variant="secondary">{t(`actions.escalate.${up}`)}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {has("resolve") ? (
        <Card>
          <CardHeader title={t("actions.resolve.title")} />
          <ActionForm action={resolveConflictAction} aria-label={t("actions.resolve.title")} className="p-4">
            <p className="text-sm text-slate-600">{t("actions.resolve.hint")}</p>
            <RecordRef id={c.id} version={c.version} />
            {/* The cause analysis goes with the decision, so it can be written here if not yet recorded. */}
            {c.causeAnalysis ? null : (
              <TextAreaField
                name="causeAnalysis"
                label={t("fields.causeAnalysis")}
                rows={3}
                maxLength={4000}
              />
            )}
            <SelectField
              name="outcome"
              label={t("fields.outcome")}
              placeholder={t("actions.resolve.choose")}
              options={CONFLICT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
              required
            />
            <TextField name="outcomeAmount" label={t("fields.outcomeAmount")} inputMode="decimal" />
            <TextAreaField name="outcomeNote" label={t("fields.outcomeNote")} rows={2} maxLength={2000} />
            <TextAreaField
              name="preventionNote"
              label={t("fields.preventionNote")}
              rows={3}
              maxLength={4000}
            />
            <SubmitButton>{t("actions.resolve.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {has("reopen") ? (
        <Card>
          <CardHeader title={t("actions.reopen.title")} />
          <ActionForm action={reopenConflictAction} aria-label={t("actions.reopen.title")} className="p-4">
            <RecordRef id={c.id} version={c.version} />
            <TextAreaField
              name="note"
              label={t("actions.reopen.reason")}
              rows={2}
              maxLength={2000}
              required
            />
            <SubmitButton variant="secondary">{t("actions.reopen.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {c.status !== "RESOLVED" && !has("resolve") && has("analyse") ? (
        <p className="text-sm text-slate-600">{t("actions.managerHint")}</p>
      ) : null}
      {canNote ? (
        <Card>
          <CardHeader title={t("actions.note.title")} />
          <ActionForm
            action={conflictNoteAction}
            aria-label={t("actions.note.title")}
            className="p-4"
            resetOnSuccess
          >
            <input type="hidden" name="id" value={c.id} />
            <TextAreaField name="note" label={t("actions.note.label")} rows={2} maxLength={2000} required />
            <SubmitButton variant="secondary">{t("actions.note.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
