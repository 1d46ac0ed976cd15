import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { budgetSetDetail } from "@/lib/data/targets/budgets";
import { chinaDate } from "@/lib/domain/calendar";
import { fenToYuanInput } from "@/lib/domain/money";
import { budgetCategorySchema, targetsQuerySchema } from "@/lib/validation/targets";
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
import { clearBudgetAction, restoreBudgetAction, saveBudgetAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("budgets");
  return { title: t("title") };
}

/** One team's budget in one category for a year: months, spend, last year's spend, and the form for those who set it. */
export default async function BudgetDetailPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = firstValues(await searchParams);
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const { year } = targetsQuerySchema(thisYear).parse(params);
  const category = budgetCategorySchema.catch("VISIT").parse(params.category);
  const detail = await orNotFound(budgetSetDetail(viewer, { teamId: params.team ?? "", year, category }));
  const [t, tt, locale] = await Promise.all([
    getTranslations("budgets"),
    getTranslations("targets"),
    getLocale(),
  ]);
  const fmt = figureFormat(locale, true);
  const months = monthNames(locale);
  const title = t("detail.title", { category: t(`categories.${category}`), team: detail.team.name, year });
  const set = { teamId: detail.team.id, year: String(year), category, version: String(detail.version) };
  const shown = detail.months ?? detail.cleared;
  const hidden = Object.entries(set).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={tt("units.money")}
        actions={
          <Link href={`/budgets?year=${year}`} className={buttonClass("secondary", "sm")}>
            {t("detail.back")}
          </Link>
        }
      />
      {!detail.canEdit ? <Alert tone="info">{t("detail.readOnly")}</Alert> : null}
      {detail.cleared ? <Alert tone="info">{t("detail.cleared")}</Alert> : null}
      {!detail.months && !detail.cleared ? (
        <p className="text-sm text-slate-600">{t("detail.noBudget")}</p>
      ) : null}
      <PageSection id="months" title={t("detail.monthsHeading")}>
        <Card>
          <MonthTable
            caption={title}
            monthLabels={months}
            monthHeader={t("detail.month")}
            totalLabel={t("detail.total")}
            columns={[
              { label: t("detail.budget"), months: detail.months },
              { label: t("detail.spent"), months: detail.spent },
              { label: t("detail.lastYear"), months: detail.lastYear },
            ]}
            format={fmt}
            notSet={t("grid.noBudget")}
          />
        </Card>
      </PageSection>
      {detail.canEdit ? (
        <PageSection id="set" title={t("form.heading")}>
          <Card className="p-4">
            <MonthSetForm
              action={saveBudgetAction}
              hidden={set}
              money
              initial={(shown ?? []).map((v) => fenToYuanInput(v))}
              lastYear={detail.lastYear.map(String)}
              monthLabels={months}
              texts={{
                yearly: t("form.yearly"),
                yearlyHint: `${t("form.yearlyHint")} ${tt("units.money")}`,
                splitEvenly: tt("form.splitEvenly"),
                splitLastYear: t("form.splitLastYear"),
                noLastYear: tt("form.noLastYear"),
                yearlyInvalid: tt("form.yearlyInvalid"),
                monthsTotal: tt("form.monthsTotal", { total: "{total}" }),
                save: t("form.save"),
                formLabel: t("form.heading"),
              }}
            />
          </Card>
          {detail.months ? (
            <ActionForm action={clearBudgetAction} aria-label={t("form.clear")}>
              {hidden}
              <p className="text-sm text-slate-600">{t("form.clearHint")}</p>
              <SubmitButton variant="danger" size="sm">
                {t("form.clear")}
              </SubmitButton>
            </ActionForm>
          ) : detail.cleared ? (
            <ActionForm action={restoreBudgetAction} aria-label={t("form.restore")}>
              {hidden}
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
