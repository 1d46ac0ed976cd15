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
import type { CsvEncoding } from "@/lib/domain/csv";
import { INDUSTRIES } from "@/lib/domain/industries";
import { ACCOUNT_TYPES, SIZE_BANDS } from "@/lib/domain/account-kinds";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportWizard, type ImportLabels } from "@/components/import/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountTools.import");
  return { title: t("title") };
}

const LABEL_KEYS = [
  "uploadTitle",
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
  "tableCaption",
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
  "confirmNote",
  "confirm",
  "confirming",
  "chooseAnother",
  "resultTitle",
  "alreadyConfirmed",
  "result",
  "resultUnchanged",
  "downloadRejected",
  "another",
  "toList",
] as const satisfies readonly (keyof Omit<ImportLabels, "status" | "totals" | "encodings">)[];

// The catalogue's key for each encoding the import reads (message keys hold no dots or dashes).
const ENCODING_KEYS: Record<CsvEncoding, string> = {
  "utf-8": "utf8",
  "utf-16le": "utf16",
  "utf-16be": "utf16",
  gb18030: "gb18030",
  "windows-1252": "windows1252",
};

export default async function ImportAccountsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "records.create")) notFound();
  const [t, ta] = await Promise.all([getTranslations("accountTools.import"), getTranslations("account")]);

  const statuses = ["new", "update", "unchanged", "error"] as const;
  const labels: ImportLabels = {
    ...(Object.fromEntries(LABEL_KEYS.map((k) => [k, t.raw(k) as string])) as Omit<
      ImportLabels,
      "status" | "totals" | "encodings"
    >),
    status: Object.fromEntries(statuses.map((s) => [s, t(`status.${s}`)])) as ImportLabels["status"],
    totals: Object.fromEntries(statuses.map((s) => [s, t(`totals.${s}`)])) as ImportLabels["totals"],
    encodings: Object.fromEntries(
      Object.entries(ENCODING_KEYS).map(([encoding, key]) => [encoding, t(`encodings.${key}`)]),
    ) as ImportLabels["encodings"],
  };

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

      <Card>
        <CardHeader title={t("prepareTitle")} />
        <div className="space-y-4 p-4 text-sm text-slate-700">
          <p>{t("prepareBody")}</p>
          <div className="flex flex-wrap gap-2">
            <a href="/accounts/import/template?lang=zh-CN" className={buttonClass("secondary")} download>
              {t("templateZh")}
            </a>
            <a href="/accounts/import/template?lang=en" className={buttonClass("secondary")} download>
              {t("templateEn")}
            </a>
          </div>
          <details className="rounded-md border border-slate-200">
            <summary className="cursor-pointer px-3 py-3 font-medium text-slate-900 sm:py-2">
              {t("columnsTitle")}
            </summary>
            <Table caption={t("columnsCaption")}>
              <thead className="bg-slate-50">
                <tr>
                  <Th>{t("colColumn")}</Th>
                  <Th>{t("colHeaders")}</Th>
                  <Th>{t("colAccepted")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {TEMPLATE_FIELDS.map((field) => (
                  <tr key={field}>
                    <Td className="whitespace-nowrap font-medium">
                      {ta(`fields.${field}`)}
                      <div className="text-xs font-normal text-slate-600">
                        {field === "name" ? t("required") : t("optional")}
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {TEMPLATE_HEADERS["zh-CN"][field]}
                      <br />
                      {TEMPLATE_HEADERS.en[field]}
                    </Td>
                    <Td className="min-w-64">{help(field)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="px-3 py-2 text-xs text-slate-600">{t("extraColumns")}</p>
          </details>
        </div>
      </Card>

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
