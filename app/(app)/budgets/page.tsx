import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { budgetGrid } from "@/lib/data/targets/budgets";
import { chinaDate } from "@/lib/domain/calendar";
import { targetsQuerySchema } from "@/lib/validation/targets";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { BudgetGrid } from "@/components/targets/budget-grid";
import { YearMetricFilter } from "@/components/targets/year-metric-filter";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("budgets");
  return { title: t("title") };
}

/** 费用预算: the year's budgets of the viewer's teams against what they spent (kpi.team only). */
export default async function BudgetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const { year } = targetsQuerySchema(thisYear).parse(firstValues(await searchParams));
  const [teams, t] = await Promise.all([orNotFound(budgetGrid(viewer, year)), getTranslations("budgets")]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <YearMetricFilter action="/budgets" label={t("filters")} thisYear={thisYear} year={year} />
        <BudgetGrid teams={teams} year={year} />
      </Card>
    </div>
  );
}
