import { getTranslations } from "next-intl/server";
import { chinaDateTimeLocal } from "@/lib/domain/visit-records";
import { VISIT_METHODS, VISIT_OUTCOMES } from "@/lib/domain/visits";
import type { VisitRecordDetail } from "@/lib/data/visits/record-reads";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { updateVisitRecordAction } from "../actions";

/** The whole record form, for filling in later what the quick log left out (versioned). */
export async function EditVisitForm({ record }: { record: VisitRecordDetail }) {
  const t = await getTranslations("visits");
  return (
    <ActionForm action={updateVisitRecordAction} aria-label={t("detail.edit")}>
      <RecordRef id={record.id} version={record.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="visitedAt"
          type="datetime-local"
          label={t("fields.visitedAt")}
          defaultValue={chinaDateTimeLocal(record.visitedAt)}
        />
        <SelectField
          name="method"
          label={t("fields.method")}
          defaultValue={record.method}
          options={VISIT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
      </div>
      <TextField name="place" label={t("fields.place")} defaultValue={record.place ?? ""} />
      {record.accountContacts.length ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("fields.contacts")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {record.accountContacts.map((c) => (
              <label key={c.id} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="contactIds"
                  value={c.id}
                  defaultChecked={record.contactIds.includes(c.id)}
                  className="h-5 w-5"
                />
                {c.title ? `${c.name} · ${c.title}` : c.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextAreaField
        name="talkingPoints"
        label={t("fields.talkingPoints")}
        rows={4}
        defaultValue={record.talkingPoints}
      />
      <TextAreaField
        name="customerViews"
        label={t("fields.customerViews")}
        rows={3}
        defaultValue={record.customerViews ?? ""}
      />
      <TextAreaField
        name="suggestions"
        label={t("fields.suggestions")}
        rows={3}
        defaultValue={record.suggestions ?? ""}
      />
      <TextField name="nextStep" label={t("fields.nextStep")} defaultValue={record.nextStep ?? ""} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="outcome"
          label={t("fields.outcome")}
          defaultValue={record.outcome ?? ""}
          placeholder={t("new.outcomeNone")}
          options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
        />
        <TextField
          name="durationMinutes"
          label={t("fields.durationMinutes")}
          inputMode="numeric"
          defaultValue={record.durationMinutes?.toString() ?? ""}
        />
        <TextField
          name="cost"
          label={t("fields.cost")}
          inputMode="decimal"
          defaultValue={record.cost === null ? "" : (Number(record.cost) / 100).toString()}
        />
      </div>
      <SubmitButton>{t("detail.saveChanges")}</SubmitButton>
    </ActionForm>
  );
}
