import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

export type ImportColumnHelp = {
  field: string;
  label: string;
  /** Under the label: "required" / "optional", or nothing. */
  note?: string;
  headers: { "zh-CN": string; en: string };
  help: string;
};

/**
 * Step 1 of an import: what the file holds, the templates in both languages, and (folded) every
 * column the import reads with its headers and accepted values.
 */
export async function ImportPrepareCard({
  body,
  templateHref,
  columns,
  columnsCaption,
  footnote,
  texts,
}: {
  body: string;
  /** The template route; `?lang=zh-CN|en` is added. */
  templateHref: string;
  columns: ImportColumnHelp[];
  columnsCaption: string;
  footnote?: string;
  /** Title and link texts in the import's own words. */
  texts: { title: string; templateZh: string; templateEn: string; columnsTitle: string };
}) {
  const t = await getTranslations("accountTools.import");
  return (
    <Card>
      <CardHeader title={texts.title} />
      <div className="space-y-4 p-4 text-sm text-slate-700">
        <p>{body}</p>
        <div className="flex flex-wrap gap-2">
          <a href={`${templateHref}?lang=zh-CN`} className={buttonClass("secondary")} download>
            {texts.templateZh}
          </a>
          <a href={`${templateHref}?lang=en`} className={buttonClass("secondary")} download>
            {texts.templateEn}
          </a>
        </div>
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-3 font-medium text-slate-900 sm:py-2">
            {texts.columnsTitle}
          </summary>
          <Table caption={columnsCaption}>
            <thead className="bg-slate-50">
              <tr>
                <Th>{t("colColumn")}</Th>
                <Th>{t("colHeaders")}</Th>
                <Th>{t("colAccepted")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {columns.map((c) => (
                <tr key={c.field}>
                  <Td className="whitespace-nowrap font-medium">
                    {c.label}
                    {c.note ? <div className="text-xs font-normal text-slate-600">{c.note}</div> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {c.headers["zh-CN"]}
                    <br />
                    {c.headers.en}
                  </Td>
                  <Td className="min-w-64">{c.help}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {footnote ? <p className="px-3 py-2 text-xs text-slate-600">{footnote}</p> : null}
        </details>
      </div>
    </Card>
  );
}
