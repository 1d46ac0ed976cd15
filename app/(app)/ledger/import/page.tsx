import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import { MAX_IMPORT_BYTES } from "@/lib/domain/account-import";
import { LEDGER_IMPORT_FIELDS, LEDGER_TEMPLATE_HEADERS } from "@/lib/domain/ledger-import";
import { PageHeader } from "@/components/ui/page-header";
import { ImportWizard } from "@/components/import/import-wizard";
import { ImportPrepareCard } from "@/components/import/prepare-card";
import { importWizardLabels } from "@/components/import/wizard-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger.import");
  return { title: t("title") };
}

// The ledger words these its own way (lines booked, not accounts created); the rest is shared.
const OWN_KEYS = [
  "uploadTitle",
  "tableCaption",
  "confirmNote",
  "result",
  "resultUnchanged",
  "toList",
] as const;

/** 导入销售台账: the ERP's revenue and collection lines from a CSV, checked row by row before anything is booked. */
export default async function ImportLedgerPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "ledger.write")) notFound();
  const [t, tl] = await Promise.all([getTranslations("ledger.import"), getTranslations("ledger")]);
  const labels = await importWizardLabels({ namespace: "ledger.import", keys: OWN_KEYS, statuses: true });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ImportPrepareCard
        body={t("prepareBody")}
        templateHref="/ledger/import/template"
        columnsCaption={t("columnsTitle")}
        texts={{
          title: t("prepareTitle"),
          templateZh: t("templateZh"),
          templateEn: t("templateEn"),
          columnsTitle: t("columnsTitle"),
        }}
        columns={LEDGER_IMPORT_FIELDS.map((field) => ({
          field,
          label: tl(`fields.${field}`),
          headers: {
            "zh-CN": LEDGER_TEMPLATE_HEADERS["zh-CN"][field],
            en: LEDGER_TEMPLATE_HEADERS.en[field],
          },
          help: t(`help.${field}`),
        }))}
      />
      <ImportWizard
        labels={labels}
        maxBytes={MAX_IMPORT_BYTES}
        endpoints={{ preview: "/ledger/import/preview", confirm: "/ledger/import/confirm" }}
        columns={[
          { key: "documentNo", label: tl("fields.documentNo"), mono: true },
          { key: "kind", label: tl("fields.kind"), mono: false },
          { key: "account", label: tl("fields.accountName"), wide: true },
          { key: "month", label: tl("fields.month") },
          { key: "amount", label: tl("fields.amount") },
        ]}
        listHref="/ledger"
      />
    </div>
  );
}
