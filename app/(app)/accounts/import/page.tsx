import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import {
  MAX_IMPORT_BYTES,
  TEMPLATE_FIELDS,
  TEMPLATE_HEADERS,
  type ImportField,
} from "@/lib/domain/account-import";
import { INDUSTRIES } from "@/lib/domain/industries";
import { ACCOUNT_TYPES, SIZE_BANDS } from "@/lib/domain/account-kinds";
import { PageHeader } from "@/components/ui/page-header";
import { ImportWizard } from "@/components/import/import-wizard";
import { ImportPrepareCard } from "@/components/import/prepare-card";
import { importWizardLabels } from "@/components/import/wizard-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountTools.import");
  return { title: t("title") };
}

export default async function ImportAccountsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "records.create")) notFound();
  const [t, ta] = await Promise.all([getTranslations("accountTools.import"), getTranslations("account")]);

  const labels = await importWizardLabels();

  const list = (values: string[]) => values.join(viewer.locale === "zh-CN" ? "、" : ", ");
  const help = (field: ImportField) => {
    switch (field) {
      case "industry":
        return t("help.industry", { values: list(INDUSTRIES.map((c) => ta(`industries.${c}`))) });
      case "sizeBand":
        return t("help.sizeBand", { values: list(SIZE_BANDS.map((c) => ta(`sizeBands.${c}`))) });
      case "accountType":
        return t("help.accountType", { values: list(ACCOUNT_TYPES.map((c) => ta(`accountTypes.${c}`))) });
      default:
        return t(`help.${field}`);
    }
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <ImportPrepareCard
        body={t("prepareBody")}
        templateHref="/accounts/import/template"
        columnsCaption={t("columnsCaption")}
        footnote={t("extraColumns")}
        texts={{
          title: t("prepareTitle"),
          templateZh: t("templateZh"),
          templateEn: t("templateEn"),
          columnsTitle: t("columnsTitle"),
        }}
        columns={TEMPLATE_FIELDS.map((field) => ({
          field,
          label: ta(`fields.${field}`),
          note: field === "name" ? t("required") : t("optional"),
          headers: { "zh-CN": TEMPLATE_HEADERS["zh-CN"][field], en: TEMPLATE_HEADERS.en[field] },
          help: help(field),
        }))}
      />

      <ImportWizard
        labels={labels}
        maxBytes={MAX_IMPORT_BYTES}
        endpoints={{ preview: "/accounts/import/preview", confirm: "/accounts/import/confirm" }}
        columns={[
          { key: "name", label: t("colName") },
          { key: "creditCode", label: t("colCode"), mono: true },
        ]}
        listHref="/accounts"
      />
    </div>
  );
}
