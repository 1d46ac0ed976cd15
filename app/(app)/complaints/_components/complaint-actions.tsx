import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card, CardHeader } from "@/components/ui/card";
import { REQUIRED_FIELDS, type ComplaintAction } from "@/lib/domain/complaints";
import {
  assignComplaintAction,
  complaintNoteAction,
  deleteComplaintAction,
  escalateComplaintAction,
  restoreComplaintAction,
  transitionComplaintAction,
} from "../actions";

type Option = { value: string; label: string };

/**
 * The next steps the complaint's status allows, each with the fields it needs (a resolution to
 * resolve, root cause and corrective action to close, a reason to reopen), then hand-over,
 * escalation, a note, and delete/restore for managers. Only what the viewer may do is shown; the
 * server checks again.
 */
export async function ComplaintActions({
  c,
  rights,
  people,
  teams,
}: {
  c: { id: string; version: number; status: string; deleted: boolean };
  rights: { handle: boolean; manage: boolean; actions: ComplaintAction[] };
  people: Option[];
  teams: Option[];
}) {
  const t = await getTranslations("complaints");
  const fieldLabel = {
    resolution: t("fields.resolution"),
    rootCause: t("fields.rootCause"),
    correctiveAction: t("fields.correctiveAction"),
    note: t("fields.reopenReason"),
  };
  const open = c.status !== "CLOSED" && !c.deleted;
  return (
    <>
      {rights.actions.length ? (
        <Card>
          <CardHeader title={t("fields.status")} />
          <div className="space-y-4 p-4">
            {rights.actions.map((action) => (
              <ActionForm key={action} action={transitionComplaintAction} aria-label={t(`actions.${action}`)}>
                <RecordRef id={c.id} version={c.version} />
                <input type="hidden" name="action" value={action} />
                {REQUIRED_FIELDS[action].map((f) => (
                  <TextAreaField key={f} name={f} label={fieldLabel[f]} rows={3} maxLength={4000} required />
                ))}
                <SubmitButton variant={action === "reopen" ? "secondary" : "primary"}>
                  {t(`actions.${action}`)}
                </SubmitButton>
              </ActionForm>
            ))}
          </div>
        </Card>
      ) : null}
      {rights.handle && open ? (
        <Card>
          <CardHeader title={t("handOver.title")} />
          <ActionForm action={assignComplaintAction} aria-label={t("handOver.title")} className="p-4">
            <p className="text-sm text-slate-600">{t("handOver.hint")}</p>
            <RecordRef id={c.id} version={c.version} />
            <SelectField
              name="handlerId"
              label={t("handOver.person")}
              placeholder={t("fields.none")}
              options={people}
            />
            <SelectField
              name="handlerTeamId"
              label={t("handOver.team")}
              placeholder={t("fields.none")}
              options={teams}
            />
            <TextAreaField name="note" label={t("fields.handOverNote")} rows={2} maxLength={2000} />
            <SubmitButton variant="secondary">{t("handOver.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {rights.handle && open ? (
        <Card>
          <CardHeader title={t("escalate.title")} />
          <ActionForm action={escalateComplaintAction} aria-label={t("escalate.title")} className="p-4">
            <p className="text-sm text-slate-600">{t("escalate.hint")}</p>
            <RecordRef id={c.id} version={c.version} />
            <TextAreaField name="note" label={t("escalate.reason")} rows={2} maxLength={2000} required />
            <SubmitButton variant="secondary">{t("escalate.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {!c.deleted ? (
        <Card>
          <CardHeader title={t("notes.title")} />
          <ActionForm
            action={complaintNoteAction}
            aria-label={t("notes.title")}
            className="p-4"
            resetOnSuccess
          >
            <input type="hidden" name="id" value={c.id} />
            <TextAreaField name="note" label={t("fields.note")} rows={2} maxLength={2000} required />
            <SubmitButton variant="secondary">{t("notes.submit")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {rights.manage ? (
        <ActionForm
          action={c.deleted ? restoreComplaintAction : deleteComplaintAction}
          aria-label={t(c.deleted ? "manage.restore" : "manage.delete")}
        >
          <RecordRef id={c.id} version={c.version} />
          <SubmitButton variant={c.deleted ? "secondary" : "danger"} size="sm">
            {t(c.deleted ? "manage.restore" : "manage.delete")}
          </SubmitButton>
        </ActionForm>
      ) : null}
    </>
  );
}
