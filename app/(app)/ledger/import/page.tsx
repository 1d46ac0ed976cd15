import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import { MAX_IMPORT_BYTES } from "@/lib/domain/account-import";
import type { CsvEncoding } from "@/lib/domain/csv";
import { LEDGER_IMPORT_FIELDS, LEDGER_TEMPLATE_HEADERS } from "@/lib/domain/ledger-import";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportWizard, type ImportLabels } from "@/components/import/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger.import");
  return { title: t("title") };
}

// The wizard's shared strings come from the account import's catalogue; the ledger's own below.
const SHARED_KEYS = [
  "fileLabel",
  "fileHint",
  "check",
  "checking",
  "chooseFile",
  "fileTooLarge",
  "sessionEnded",
  "unexpected",
  "reviewTitle",
  "fileSummary",
  "encoding",
  "encodingWestern",
  "problemsTitle",
  "problemsIntro",
  "rowNumber",
  "ignoredColumns",
  "colRow",
  "colStatus",
  "colDetails",
  "updates",
  "changes",
  "show",
  "showAll",
  "pageOf",
  "previousRows",
  "nextRows",
  "confirm",
  "confirming",
  "chooseAnother",
  "resultTitle",
  "alreadyConfirmed",
  "downloadRejected",
  "another",
] as const;
const OWN_KEYS = [
  "uploadTitle",
  "tableCaption",
  "confirmNote",
  "result",
  "resultUnchanged",
  "toList",
] as const;

const ENCODING_KEYS: Record<CsvEncoding, string> = {
  "utf-8": "utf8",
  "utf-16le": "utf16",
  "utf-16be": "utf16",
  gb18030: "gb18030",
  "windows-1252": "windows1252",
};

/** 导入销售台账: the ERP's revenue and collection lines from a CSV, checked row by row before anything is booked. */
export default async function ImportLedgerPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "ledger.write")) notFound();
  const [t, ta, tl] = await Promise.all([
    getTranslations("ledger.import"),
    getTranslations("accountTools.import"),
    getTranslations("ledger"),
  ]);
  const statuses = ["new", "update", "unchanged", "error"] as const;
  const labels = {
    ...Object.fromEntries(SHARED_KEYS.map((k) => [k, ta.raw(k) as string])),
    ...Object.fromEntries(OWN_KEYS.map((k) => [k, t.raw(k) as string])),
    status: Object.fromEntries(statuses.map((s) => [s, t(`status.${s}`)])),
    totals: Object.fromEntries(statuses.map((s) => [s, t(`status.${s}`)])),
    encodings: Object.fromEntries(
      Object.entries(ENCODING_KEYS).map(([encoding, key]) => [encoding, ta(`encodings.${key}`)]),
    ),
  } as ImportLabels;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader title={t("prepareTitle")} />
        <div className="space-y-4 p-4 text-sm text-slate-700">
          <p>{t("prepareBody")}</p>
          <div className="flex flex-wrap gap-2">
            <a href="/ledger/import/template?lang=zh-CN" className={buttonClass("secondary")} download>
              {t("templateZh")}
            </a>
            <a href="/ledger/import/template?lang=en" className={buttonClass("secondary")} download>
              {t("templateEn")}
            </a>
          </div>
          <details className="rounded-md border border-slate-200">
            <summary className="cursor-pointer px-3 py-3 font-medium text-slate-900 sm:py-2">
              {t("columnsTitle")}
            </summary>
            <Table caption={t("columnsTitle")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{ta("colColumn")}</Th>
                  <Th>{ta("colHeaders")}</Th>
                  <Th>{ta("colAccepted")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {LEDGER_IMPORT_FIELDS.map((field) => (
                  <tr key={field}>
                    <Td className="whitespace-nowrap font-medium">{tl(`fields.${field}`)}</Td>
                    <Td className="whitespace-nowrap">
                      {LEDGER_TEMPLATE_HEADERS["zh-CN"][field]}
                      <br />
                      {LEDGER_TEMPLATE_HEADERS.en[field]}
                    </Td>
                    <Td className="min-w-64">{t(`help.${field}`)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </details>
        </div>
      </Card>
      <ImportWizard
        labels={labels}
        maxBytes={MAX_IMPORT_BYTES}
        endpoints={{ preview: "/ledger/import/preview", confirm: "/ledger/import/confirm" }}
        columns={[
          { key: "documentNo", label: tl("fields.documentNo"), mono: true },
          { key: "kind", label: tl("fields.kind") },
          { key: "account", label: tl("fields.accountName") },
          { key: "month", label: tl("fields.month") },
          { key: "amount", label: tl("fields.amount") },
        ]}
        listHref="/ledger"
      />
    </div>
  );
}
