import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/types";
import { VISIT_METHODS } from "@/lib/domain/visits";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { CheckboxGroup } from "./checkbox-group";

type Option = { id: string; name: string; title?: string | null };

export type PlanFormValues = {
  dealId?: string;
  contactIds?: string[];
  companionIds?: string[];
  purpose?: string;
  objectives?: string;
  method?: string;
  place?: string;
  plannedStart?: string; // "YYYY-MM-DDTHH:mm", Beijing time
  plannedEnd?: string;
  expectedCost?: string; // yuan as typed
};

/**
 * 客户拜访计划表: account (fixed), contacts to meet, purpose, objectives, planned start and end,
 * method, place, colleagues going along, expected cost, linked deal. Saved as a draft or submitted.
 * A new plan carries a client-made id so a retried submission makes one plan.
 */
export async function PlanForm({
  action,
  account,
  options,
  values = {},
  record,
  clientId,
}: {
  action: (state: ActionState<{ id: string }>, formData: FormData) => Promise<ActionState<{ id: string }>>;
  account: { id: string; name: string };
  options: { contacts: Option[]; deals: Option[]; colleagues: Option[] };
  values?: PlanFormValues;
  record?: { id: string; version: number };
  clientId?: string;
}) {
  const t = await getTranslations("visitPlans");
  const label = (o: Option) => (o.title ? `${o.name} · ${o.title}` : o.name);
  return (
    <ActionForm action={action} aria-label={t("form.label", { account: account.name })} className="space-y-5">
      {record ? <RecordRef id={record.id} version={record.version} /> : null}
      {clientId ? <input type="hidden" name="clientId" value={clientId} /> : null}
      <input type="hidden" name="accountId" value={account.id} />
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800">{t("fields.account")}</p>
        <p className="text-sm text-slate-900">{account.name}</p>
      </div>
      <TextField name="purpose" label={t("fields.purpose")} defaultValue={values.purpose} maxLength={200} />
      <TextAreaField
        name="objectives"
        label={t("fields.objectives")}
        hint={t("form.objectivesHint")}
        defaultValue={values.objectives}
        rows={3}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="plannedStart"
          type="datetime-local"
          label={t("fields.plannedStart")}
          defaultValue={values.plannedStart}
        />
        <TextField
          name="plannedEnd"
          type="datetime-local"
          label={t("fields.plannedEnd")}
          defaultValue={values.plannedEnd}
        />
        <SelectField
          name="method"
          label={t("fields.method")}
          defaultValue={values.method ?? "IN_PERSON"}
          options={VISIT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
        <TextField name="place" label={t("fields.place")} defaultValue={values.place} maxLength={200} />
        <TextField
          name="expectedCost"
          label={t("fields.expectedCost")}
          hint={t("form.yuanHint")}
          inputMode="decimal"
          defaultValue={values.expectedCost}
        />
        <SelectField
          name="dealId"
          label={t("fields.deal")}
          defaultValue={values.dealId ?? ""}
          placeholder={t("form.noDeal")}
          options={options.deals.map((d) => ({ value: d.id, label: d.name }))}
        />
      </div>
      <CheckboxGroup
        name="contactIds"
        legend={t("fields.contacts")}
        options={options.contacts.map((c) => ({ value: c.id, label: label(c) }))}
        defaultValues={values.contactIds}
        empty={t("form.noContacts")}
      />
      <CheckboxGroup
        name="companionIds"
        legend={t("fields.companions")}
        options={options.colleagues.map((c) => ({ value: c.id, label: c.name }))}
        defaultValues={values.companionIds}
        empty={t("form.noColleagues")}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="submit">
          {t("form.submit")}
        </SubmitButton>
        <SubmitButton name="intent" value="draft" variant="secondary">
          {t("form.saveDraft")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
