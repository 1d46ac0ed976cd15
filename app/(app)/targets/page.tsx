import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { targetGrid } from "@/lib/data/targets/targets";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { targetsQuerySchema } from "@/lib/validation/targets";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { TargetGrid } from "@/components/targets/target-grid";
import { YearMetricFilter } from "@/components/targets/year-metric-filter";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("targets");
  return { title: t("title") };
}

/** 销售目标: the year's targets of one metric for the teams and people the viewer leads (or their own). */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const { year, metric } = targetsQuerySchema(thisYear).parse(firstValues(await searchParams));
  const [rows, t] = await Promise.all([targetGrid(viewer, { year, metric }), getTranslations("targets")]);
  const leads = hasCapability(viewer, "kpi.team");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={leads ? t("description") : t("ownDescription")} />
      <Card>
        <YearMetricFilter
          action="/targets"
          label={t("filters")}
          thisYear={thisYear}
          year={year}
          metric={metric}
        />
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("grid.empty")}</p>
        ) : (
          <TargetGrid rows={rows} year={year} metric={metric} />
        )}
      </Card>
    </div>
  );
}
