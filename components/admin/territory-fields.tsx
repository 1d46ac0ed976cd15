import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/forms/action-form";
import { TERRITORY_LEVELS } from "@/lib/validation/territories";

type Option = { value: string; label: string };

/** The fields of a territory, shared by the create and edit forms. */
export async function TerritoryFields({
  parentOptions,
  teamOptions,
  values,
}: {
  parentOptions: Option[];
  teamOptions: Option[];
  values?: {
    code: string;
    name: string;
    nameEn: string;
    level: string;
    parentId: string | null;
    teamId: string | null;
  };
}) {
  const t = await getTranslations("territories");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        defaultValue={values?.code}
        required
        maxLength={20}
        autoComplete="off"
        spellCheck={false}
        className="sm:col-span-2"
      />
      <TextField
        name="name"
        label={t("name")}
        defaultValue={values?.name}
        required
        maxLength={80}
        autoComplete="off"
        lang="zh-CN"
      />
      <TextField
        name="nameEn"
        label={t("nameEn")}
        defaultValue={values?.nameEn}
        required
        maxLength={80}
        autoComplete="off"
        lang="en"
      />
      <SelectField
        name="level"
        label={t("level")}
        options={TERRITORY_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
        defaultValue={values?.level ?? "CITY"}
        required
      />
      <SelectField
        name="parentId"
        label={t("parent")}
        hint={t("parentHint")}
        options={parentOptions}
        placeholder={t("noParent")}
        defaultValue={values?.parentId ?? ""}
      />
      <SelectField
        name="teamId"
        label={t("team")}
        options={teamOptions}
        placeholder={t("noTeam")}
        defaultValue={values?.teamId ?? ""}
        className="sm:col-span-2"
      />
    </div>
  );
}
