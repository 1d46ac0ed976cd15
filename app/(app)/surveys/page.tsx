import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listSurveys, SURVEY_PAGE_SIZE, surveyFigures } from "@/lib/data/surveys/results";
import { hasCapability } from "@/lib/domain/access";
import { surveyQuerySchema } from "@/lib/validation/surveys";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { FilterChoice, FilterPanel, LabelledField } from "@/components/forms/filter-fields";
import { SurveyFigureTiles } from "@/components/surveys/figures";
import { SatisfactionTrend } from "@/components/surveys/trend";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.list");
  return { title: t("title") };
}

const TRIGGERS = ["MANUAL", "DEAL_WON", "COMPLAINT_CLOSED", "WAVE"] as const;

/** 满意度调研: the surveys of the accounts the viewer may see, their figures and trend. */
export default async function SurveysPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const filter = surveyQuerySchema.parse(firstValues(await searchParams));
  const [t, format, list, figures] = await Promise.all([
    getTranslations("surveys"),
    getFormatter(),
    listSurveys(viewer, filter),
    surveyFigures(viewer, filter),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const query = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page }))
      if (v !== undefined && v !== 1) p.set(k, String(v));
    return `/surveys${p.size ? `?${p}` : ""}`;
  };
  const pages = Math.max(1, Math.ceil(list.total / SURVEY_PAGE_SIZE));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          hasCapability(viewer, "admin.satisfaction") ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/surveys/templates" className={buttonClass("secondary", "sm")}>
                {t("templates.title")}
              </Link>
              <Link href="/admin/satisfaction" className={buttonClass("secondary", "sm")}>
                {t("settings.title")}
              </Link>
            </div>
          ) : null
        }
      />
      <Card>
        <FilterPanel
          action="/surveys"
          stateKey={JSON.stringify(filter)}
          keep={{}}
          labels={{
            summary: t("list.filters"),
            label: t("list.filters"),
            apply: t("list.apply"),
            clear: t("list.clear"),
          }}
          clearHref="/surveys"
        >
          <FilterChoice
            id="f-trigger"
            name="trigger"
            label={t("list.trigger")}
            options={TRIGGERS.map((v) => ({ value: v, label: t(`triggers.${v}`) }))}
            value={filter.trigger}
            anyLabel={t("list.any")}
          />
          <FilterChoice
            id="f-status"
            name="status"
            label={t("list.status")}
            options={(["OPEN", "CLOSED"] as const).map((v) => ({ value: v, label: t(`status.${v}`) }))}
            value={filter.status}
            anyLabel={t("list.any")}
          />
          <LabelledField id="f-from" label={t("list.from")}>
            <Input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
          </LabelledField>
          <LabelledField id="f-to" label={t("list.to")}>
            <Input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
          </LabelledField>
        </FilterPanel>
      </Card>
      <SurveyFigureTiles figures={figures.total} />
      <Card>
        <CardHeader title={t("figures.byMonth")} />
        <div className="p-4">
          <SatisfactionTrend months={figures.months} />
        </div>
      </Card>
      <Card>
        <CardHeader title={t("list.count", { count: list.total })} />
        {list.rows.length ? (
          <Table caption={t("list.title")}>
            <thead>
              <tr>
                <Th>{t("list.account")}</Th>
                <Th>{t("list.questionnaire")}</Th>
                <Th>{t("list.trigger")}</Th>
                <Th>{t("list.sentOn")}</Th>
                <Th className="text-right">{t("list.answers")}</Th>
                <Th>{t("list.status")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((s) => (
                <tr key={s.id}>
                  <Td>
                    <Link
                      href={`/surveys/${encodeURIComponent(s.id)}`}
                      className="font-medium text-indigo-700 underline"
                    >
                      {s.account?.name}
                    </Link>
                  </Td>
                  <Td>{viewer.locale === "en" ? s.templateVersion.titleEn : s.templateVersion.titleZh}</Td>
                  <Td className="whitespace-nowrap">
                    {t(`triggers.${s.trigger}`)}
                    {s.waveKey ? ` ${s.waveKey}` : ""}
                  </Td>
                  <Td className="whitespace-nowrap">{when(s.createdAt)}</Td>
                  <Td className="text-right whitespace-nowrap">
                    {s._count.responses}/{s._count.invitations}
                  </Td>
                  <Td>
                    <Badge tone={s.status === "OPEN" ? "info" : "neutral"}>{t(`status.${s.status}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="p-4 text-sm text-slate-600">{t("list.empty")}</p>
        )}
        {pages > 1 ? (
          <nav aria-label={t("list.pages")} className="flex items-center justify-between gap-2 p-4 text-sm">
            {list.page > 1 ? (
              <Link href={query(list.page - 1)} className="underline">
                {t("list.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span>{t("list.page", { page: list.page, pages })}</span>
            {list.page < pages ? (
              <Link href={query(list.page + 1)} className="underline">
                {t("list.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
