import { getTranslations } from "next-intl/server";
import type { ContactRow } from "@/lib/data/contacts";
import { BUYING_ROLES, STANCES } from "@/lib/validation/contacts";
import { SelectField, TextAreaField, TextField } from "@/components/forms/action-form";
import { fromDbDate } from "@/lib/domain/calendar";

const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** The fields of a contact, shared by the add and edit forms. */
export async function ContactFields({
  contact,
  reportsToOptions,
}: {
  contact?: ContactRow;
  reportsToOptions: { value: string; label: string }[];
}) {
  const [t, ta] = await Promise.all([getTranslations("accountPage.contacts"), getTranslations("account")]);
  const f = (key: string) => t(`fields.${key}`);
  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("groups.person")}</legend>
        <TextField
          name="name"
          label={f("name")}
          defaultValue={contact?.name}
          required
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          name="title"
          label={f("title")}
          defaultValue={contact?.title ?? ""}
          maxLength={80}
          autoComplete="off"
        />
        <TextField
          name="department"
          label={f("department")}
          defaultValue={contact?.department ?? ""}
          maxLength={80}
          autoComplete="off"
        />
        <TextField
          name="phone"
          label={f("phone")}
          defaultValue={contact?.phone ?? ""}
          type="tel"
          inputMode="tel"
          maxLength={40}
          autoComplete="off"
        />
        <TextField
          name="email"
          label={f("email")}
          defaultValue={contact?.email ?? ""}
          type="email"
          inputMode="email"
          maxLength={254}
          autoComplete="off"
        />
        <SelectField
          name="reportsToId"
          label={f("reportsTo")}
          hint={t("reportsToHint")}
          options={reportsToOptions}
          placeholder={t("reportsToNobody")}
          defaultValue={contact?.reportsToId ?? ""}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("groups.role")}</legend>
        <SelectField
          name="buyingRole"
          label={f("buyingRole")}
          options={BUYING_ROLES.map((r) => ({ value: r, label: ta(`buyingRoles.${r}`) }))}
          defaultValue={contact?.buyingRole ?? "USER"}
        />
        <SelectField
          name="stance"
          label={f("stance")}
          options={STANCES.map((s) => ({ value: s, label: ta(`stances.${s}`) }))}
          defaultValue={contact?.stance ?? "NEUTRAL"}
        />
        <SelectField
          name="influence"
          label={f("influence")}
          options={RATINGS.map((r) => ({ value: r, label: t(`influenceOption.${r}`) }))}
          defaultValue={String(contact?.influence ?? 3)}
        />
        <SelectField
          name="relationshipStrength"
          label={f("relationshipStrength")}
          options={RATINGS.map((r) => ({ value: r, label: t(`strengthOption.${r}`) }))}
          defaultValue={String(contact?.relationshipStrength ?? 1)}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">{t("groups.personal")}</legend>
        <TextField
          name="hometown"
          label={f("hometown")}
          defaultValue={contact?.hometown ?? ""}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          name="school"
          label={f("school")}
          defaultValue={contact?.school ?? ""}
          maxLength={80}
          autoComplete="off"
        />
        <TextField
          name="birthday"
          label={f("birthday")}
          type="date"
          defaultValue={contact?.birthday ? fromDbDate(contact.birthday) : ""}
        />
        <TextAreaField
          name="personality"
          label={f("personality")}
          defaultValue={contact?.personality ?? ""}
          rows={2}
          maxLength={1000}
          className="sm:col-span-3"
        />
        <TextAreaField
          name="approach"
          label={f("approach")}
          hint={t("approachHint")}
          defaultValue={contact?.approach ?? ""}
          rows={3}
          maxLength={2000}
          className="sm:col-span-3"
        />
        <TextAreaField
          name="notes"
          label={f("notes")}
          defaultValue={contact?.notes ?? ""}
          rows={2}
          maxLength={2000}
          className="sm:col-span-3"
        />
      </fieldset>
    </div>
  );
}
