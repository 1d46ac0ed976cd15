import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listTemplates } from "@/lib/data/surveys/templates";
import { hasCapability } from "@/lib/domain/access";
import { TemplateRowAction } from "@/components/surveys/template-row-action";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { deleteTemplateAction, restoreTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.templates");
  return { title: t("title") };
}

/** 问卷模板 (administrators): the questionnaires, their current version, deleted ones to restore. */
export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<{ deleted?: string }>;
}) {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.satisfaction")) notFound();
  const deleted = (await searchParams).deleted === "1";
  const [rows, t, ts] = await Promise.all([
    listTemplates(viewer, { deleted }),
    getTranslations("surveys.templates"),
    getTranslations("surveys"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={deleted ? "/surveys/templates" : "/surveys/templates?deleted=1"}
              className={buttonClass("secondary", "sm")}
            >
              {deleted ? t("showCurrent") : t("showDeleted")}
            </Link>
            <Link href="/surveys/templates/new" className={buttonClass("primary", "sm")}>
              {t("new")}
            </Link>
          </div>
        }
      />
      <Card>
        {rows.length ? (
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("code")}</Th>
                <Th>{t("kind")}</Th>
                <Th className="text-right">{t("versionCol")}</Th>
                <Th className="text-right">{t("surveys")}</Th>
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td>
                    {deleted ? (
                      viewer.locale === "en" ? (
                        row.nameEn
                      ) : (
                        row.name
                      )
                    ) : (
                      <Link
                        href={`/surveys/templates/${encodeURIComponent(row.id)}`}
                        className="font-medium text-indigo-700 underline"
                      >
                        {viewer.locale === "en" ? row.nameEn : row.name}
                      </Link>
                    )}
                  </Td>
                  <Td className="font-mono text-xs">{row.code}</Td>
                  <Td>
                    <Badge>{ts(`kinds.${row.kind}`)}</Badge>
                  </Td>
                  <Td className="text-right">v{row.currentVersion}</Td>
                  <Td className="text-right">{row.surveys}</Td>
                  <Td className="text-right">
                    <TemplateRowAction
                      id={row.id}
                      version={row.version}
                      action={deleted ? restoreTemplateAction : deleteTemplateAction}
                      label={deleted ? t("restore") : t("delete")}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="p-4 text-sm text-slate-600">{t("empty")}</p>
        )}
      </Card>
    </div>
  );
}
