import { getTranslations } from "next-intl/server";
import { COOPERATION_MODES } from "@/lib/validation/deals";
import { SelectField, TextAreaField, TextField } from "@/components/forms/action-form";

export type AgreementDefaults = {
  startDate?: string;
  endDate?: string;
  serviceContent?: string;
  pricingPolicy?: string;
  cooperationMode?: string;
  contractValue?: string;
};

/** The terms of a 合作协议, shared by the win form and the renewal (续签) form. */
export async function AgreementFields({ defaults = {} }: { defaults?: AgreementDefaults }) {
  const [t, tg] = await Promise.all([getTranslations("deal.agreement"), getTranslations("gate.modes")]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="startDate"
        label={t("startDate")}
        type="date"
        defaultValue={defaults.startDate}
        required
      />
      <TextField name="endDate" label={t("endDate")} type="date" defaultValue={defaults.endDate} required />
      <SelectField
        name="cooperationMode"
        label={t("cooperationMode")}
        options={COOPERATION_MODES.map((m) => ({ value: m, label: tg(m) }))}
        defaultValue={defaults.cooperationMode ?? "DIRECT_SUPPLY"}
      />
      <TextField
        name="contractValue"
        label={t("contractValue")}
        hint={t("contractValueHint")}
        defaultValue={defaults.contractValue}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <TextAreaField
        name="serviceContent"
        label={t("serviceContent")}
        defaultValue={defaults.serviceContent}
        rows={3}
        maxLength={2000}
        required
        className="sm:col-span-2"
      />
      <TextAreaField
        name="pricingPolicy"
        label={t("pricingPolicy")}
        defaultValue={defaults.pricingPolicy}
        rows={3}
        maxLength={2000}
        required
        className="sm:col-span-2"
      />
    </div>
  );
}
