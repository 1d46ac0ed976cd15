import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { targetSetDetail } from "@/lib/data/targets/targets";
import { chinaDate } from "@/lib/domain/calendar";
import { fenToYuanInput } from "@/lib/domain/money";
import { isMoneyMetric } from "@/lib/domain/targets";
import { targetsQuerySchema } from "@/lib/validation/targets";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { figureFormat, monthNames } from "@/components/targets/format";
import { MonthSetForm } from "@/components/targets/month-set-form";
import { MonthTable } from "@/components/targets/month-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { clearTargetAction, restoreTargetAction, saveTargetAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("targets");
  return { title: t("title") };
}

/** One subject's target for a year and metric: its months beside last year's actuals, and (for those who set it) the form. */
export default async function TargetDetailPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = firstValues(await searchParams);
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const { year, metric } = targetsQuerySchema(thisYear).parse(params);
  const detail = await orNotFound(targetSetDetail(viewer, { subject: params.subject ?? "", year, metric }));
  const [t, locale] = await Promise.all([getTranslations("targets"), getLocale()]);
  const money = isMoneyMetric(metric);
  const fmt = figureFormat(locale, money);
  const months = monthNames(locale);
  const back = `/targets?year=${year}&metric=${metric}`;
  const set = { subject: detail.subject.key, year: String(year), metric, version: String(detail.version) };
  const shown = detail.months ?? detail.cleared;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("detail.title", { metric: t(`metrics.${metric}`), name: detail.subject.name, year })}
        description={money ? t("units.money") : t("units.count")}
        actions={
          <Link href={back} className={buttonClass("secondary", "sm")}>
            {t("detail.back")}
          </Link>
        }
      />
      {!detail.canEdit ? <Alert tone="info">{t("detail.readOnly")}</Alert> : null}
      {detail.cleared ? <Alert tone="info">{t("detail.cleared")}</Alert> : null}
      {!detail.months && !detail.cleared ? (
        <p className="text-sm text-slate-600">{t("detail.noTarget")}</p>
      ) : null}
      <PageSection id="months" title={t("detail.monthsHeading")}>
        <Card>
          <MonthTable
            caption={t("detail.title", { metric: t(`metrics.${metric}`), name: detail.subject.name, year })}
            monthLabels={months}
            monthHeader={t("detail.month")}
            totalLabel={t("detail.total")}
            columns={[
              { label: t("detail.target"), months: detail.months },
              { label: t("detail.lastYear"), months: detail.lastYear },
            ]}
            format={fmt}
            notSet={t("grid.notSet")}
          />
        </Card>
      </PageSection>
      {detail.canEdit ? (
        <PageSection id="set" title={t("form.heading")}>
          <Card className="p-4">
            <MonthSetForm
              action={saveTargetAction}
              hidden={set}
              money={money}
              initial={(shown ?? []).map((v) => (money ? fenToYuanInput(v) : String(v)))}
              lastYear={detail.lastYear.map(String)}
              monthLabels={months}
              texts={{
                yearly: t("form.yearly"),
                yearlyHint: `${t("form.yearlyHint")} ${money ? t("units.money") : t("units.count")}`,
                splitEvenly: t("form.splitEvenly"),
                splitLastYear: t("form.splitLastYear"),
                noLastYear: t("form.noLastYear"),
                yearlyInvalid: t("form.yearlyInvalid"),
                monthsTotal: t("form.monthsTotal", { total: "{total}" }),
                save: t("form.save"),
                formLabel: t("form.heading"),
              }}
            />
          </Card>
          {detail.months ? (
            <ActionForm action={clearTargetAction} aria-label={t("form.clear")}>
              {Object.entries(set).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <p className="text-sm text-slate-600">{t("form.clearHint")}</p>
              <SubmitButton variant="danger" size="sm">
                {t("form.clear")}
              </SubmitButton>
            </ActionForm>
          ) : detail.cleared ? (
            <ActionForm action={restoreTargetAction} aria-label={t("form.restore")}>
              {Object.entries(set).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <SubmitButton variant="secondary" size="sm">
                {t("form.restore")}
              </SubmitButton>
            </ActionForm>
          ) : null}
        </PageSection>
      ) : null}
    </div>
  );
}
