import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import { CHANNEL_SALES_HEADERS, KIND_FIELDS, REQUIRED_FIELDS } from "@/lib/domain/channel-sales";
import { ChannelSalesI18n } from "@/components/channel-sales/channel-sales-i18n";
import { ChannelImportWizard } from "@/components/channel-sales/import-wizard";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channelSales.import");
  return { title: t("title") };
}

/** 导入销售报表: a distributor's sell-in or sell-out CSV, checked and its conflicts shown before anything is written. */
export default async function ChannelSalesImportPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "channel.write")) notFound();
  const t = await getTranslations("channelSales");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("import.title")}
        description={t("import.description")}
        actions={
          <Link href="/channel-sales" className={buttonClass("secondary", "sm")}>
            {t("nav.lines")}
          </Link>
        }
      />
      <Card>
        <CardHeader title={t("import.columnsTitle")} />
        <div className="grid gap-4 p-4 sm:grid-cols-2">
          {(["SELL_OUT", "SELL_IN"] as const).map((kind) => (
            <section key={kind} aria-labelledby={`columns-${kind}`}>
              <h3 id={`columns-${kind}`} className="mb-1 text-sm font-semibold text-slate-900">
                {t(`kinds.${kind}`)}
              </h3>
              <ul className="space-y-0.5 text-sm text-slate-700">
                {KIND_FIELDS[kind].map((field) => (
                  <li key={field} className="break-words">
                    <span className="font-medium">{CHANNEL_SALES_HEADERS["zh-CN"][field]}</span> /{" "}
                    {CHANNEL_SALES_HEADERS.en[field]}{" "}
                    <span className="text-xs text-slate-500">
                      ({REQUIRED_FIELDS[kind].includes(field) ? t("import.required") : t("import.optional")})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Card>
      <ChannelSalesI18n>
        <ChannelImportWizard />
      </ChannelSalesI18n>
    </div>
  );
}
