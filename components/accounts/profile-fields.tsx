import { getTranslations } from "next-intl/server";
import { SelectField, TextAreaField, TextField } from "@/components/forms/action-form";
import { INDUSTRIES } from "@/lib/domain/industries";
import { ACCOUNT_TYPES, SIZE_BANDS } from "@/lib/domain/account-kinds";
import { CreditCodeField, type CreditCodeCheck } from "./credit-code-field";
import { fenToYuanInput } from "@/lib/domain/money";

export type ProfileValues = {
  /** Set when editing: the account's own code is not "already registered". */
  id?: string;
  name: string;
  creditCode: string | null;
  legalRepresentative: string | null;
  industry: string | null;
  sizeBand: string | null;
  headcount: number | null;
  annualRevenue: bigint | null;
  shareholderBackground: string | null;
  orgStructureNotes: string | null;
  industryStanding: string | null;
  address: string | null;
  website: string | null;
  accountType: string;
  territoryId: string | null;
};

/** The fields of an account profile (客户档案), shared by the create and edit forms. */
export async function ProfileFields({
  values,
  territoryOptions,
  checkCreditCode,
}: {
  values?: ProfileValues;
  territoryOptions: { value: string; label: string }[];
  checkCreditCode: CreditCodeCheck;
}) {
  const [ta, t] = await Promise.all([getTranslations("account"), getTranslations("accountPage")]);
  const f = (key: string) => ta(`fields.${key}`);
  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("profile.identity")}</legend>
        <TextField
          name="name"
          label={f("name")}
          hint={t("profile.nameHint")}
          defaultValue={values?.name}
          required
          maxLength={120}
          autoComplete="organization"
          className="sm:col-span-2"
        />
        <CreditCodeField
          label={f("creditCode")}
          hint={t("profile.creditCodeHint")}
          defaultValue={values?.creditCode ?? ""}
          check={checkCreditCode}
          accountId={values?.id}
          messages={{
            checking: t("profile.creditCodeChecking"),
            valid: t.raw("profile.creditCodeValid") as string,
            registeredVisible: t.raw("creditCodeLookup.registeredVisible") as string,
            registeredHidden: t("creditCodeLookup.registeredHidden"),
          }}
        />
        <TextField
          name="legalRepresentative"
          label={f("legalRepresentative")}
          defaultValue={values?.legalRepresentative ?? ""}
          maxLength={40}
          autoComplete="off"
        />
        <SelectField
          name="accountType"
          label={f("accountType")}
          options={ACCOUNT_TYPES.map((v) => ({ value: v, label: ta(`accountTypes.${v}`) }))}
          defaultValue={values?.accountType ?? "END_CUSTOMER"}
        />
        <SelectField
          name="territoryId"
          label={f("territory")}
          options={territoryOptions}
          placeholder={t("profile.noTerritory")}
          defaultValue={values?.territoryId ?? ""}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("profile.business")}</legend>
        <SelectField
          name="industry"
          label={f("industry")}
          options={INDUSTRIES.map((v) => ({ value: v, label: ta(`industries.${v}`) }))}
          placeholder={t("profile.notRecorded")}
          defaultValue={values?.industry ?? ""}
        />
        <SelectField
          name="sizeBand"
          label={f("sizeBand")}
          options={SIZE_BANDS.map((v) => ({ value: v, label: ta(`sizeBands.${v}`) }))}
          placeholder={t("profile.notRecorded")}
          defaultValue={values?.sizeBand ?? ""}
        />
        <TextField
          name="headcount"
          label={f("headcount")}
          defaultValue={values?.headcount?.toString() ?? ""}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          name="annualRevenue"
          label={f("annualRevenue")}
          hint={t("profile.yuanHint")}
          defaultValue={fenToYuanInput(values?.annualRevenue)}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextField
          name="address"
          label={f("address")}
          defaultValue={values?.address ?? ""}
          maxLength={200}
          autoComplete="street-address"
        />
        <TextField
          name="website"
          label={f("website")}
          defaultValue={values?.website ?? ""}
          maxLength={200}
          inputMode="url"
          autoComplete="url"
        />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("profile.background")}</legend>
        <TextAreaField
          name="shareholderBackground"
          label={f("shareholderBackground")}
          defaultValue={values?.shareholderBackground ?? ""}
          rows={2}
          maxLength={2000}
        />
        <TextAreaField
          name="orgStructureNotes"
          label={f("orgStructureNotes")}
          defaultValue={values?.orgStructureNotes ?? ""}
          rows={2}
          maxLength={2000}
        />
        <TextAreaField
          name="industryStanding"
          label={f("industryStanding")}
          defaultValue={values?.industryStanding ?? ""}
          rows={2}
          maxLength={2000}
        />
      </fieldset>
    </div>
  );
}
