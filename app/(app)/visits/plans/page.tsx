import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listPlans, planOwnerOptions } from "@/lib/data/visits/plan-reads";
import { PLAN_STATUSES } from "@/lib/domain/visits";
import { planListQuerySchema } from "@/lib/validation/visit-plans";
import { FilterForm } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/visits/status-badge";
import { timeRange } from "@/components/visits/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitPlans");
  return { title: t("list.title") };
}

/** 拜访计划: the person's plans, newest first; a manager picks someone in their teams. */
export default async function PlansPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const params = firstValues(await searchParams);
  const query = planListQuerySchema.parse(params);
  const [result, owners, t, tm, format] = await Promise.all([
    listPlans(viewer, query),
    planOwnerOptions(viewer),
    getTranslations("visitPlans"),
    getTranslations("visitPlans.methods"),
    getFormatter(),
  ]);
  const statuses = [...PLAN_STATUSES, "MISSED"] as const;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <Link href="/visits/plans/new" className={buttonClass("primary")}>
            {t("list.new")}
          </Link>
        }
      />
      <Card>
        <FilterForm action="/visits/plans" label={t("list.filters")}>
          <div>
            <label htmlFor="plan-status" className="mb-1 block text-sm font-medium text-slate-800">
              {t("fields.status")}
            </label>
            <Select id="plan-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">{t("list.anyStatus")}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          {owners.length ? (
            <div>
              <label htmlFor="plan-owner" className="mb-1 block text-sm font-medium text-slate-800">
                {t("fields.owner")}
              </label>
              <Select id="plan-owner" name="owner" defaultValue={query.owner ?? viewer.id}>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
        </FilterForm>
        {result.rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("list.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("list.title")} data-testid="plan-list">
            {result.rows.map((p) => (
              <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3">
                <div className="min-w-0 flex-1 space-y-1">
                  <Link
                    href={`/visits/plans/${encodeURIComponent(p.id)}`}
                    prefetch={false}
                    className="inline-flex min-h-11 items-center break-words font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
                  >
                    {p.purpose}
                  </Link>
                  <p className="break-words text-sm text-slate-700">
                    {p.account.name} · {p.account.tier} · {tm(p.method)}
                    {p.owner.id !== viewer.id ? ` · ${p.owner.name}` : ""}
                  </p>
                  <p className="text-sm tabular-nums text-slate-600">
                    {timeRange(format, p.plannedStart, p.plannedEnd)}
                  </p>
                </div>
                <StatusBadge status={p.display} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          path="/visits/plans"
          params={{ status: query.status, owner: query.owner }}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </Card>
    </div>
  );
}
