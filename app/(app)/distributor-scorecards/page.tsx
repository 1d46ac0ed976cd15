import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/admin/filter-form";
import { Pagination } from "@/components/data-table/pagination";
import { cleanSearchParams, hrefWith, type RawSearchParams } from "@/components/data-table/url";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import {
  listScorecards,
  scorecardPeriods,
  SCORECARD_SORTS,
  type ScorecardSort,
} from "@/lib/data/distributor-scorecards/list";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import {
  parseQuarterKey,
  previousQuarter,
  quarterOf,
  RECOMMENDATIONS,
  SCORECARD_FACTORS,
  type Recommendation,
} from "@/lib/domain/distributor-scorecard";
import { recomputeScorecardsAction } from "./actions";
import { ScorecardTable } from "./_components/scorecard-table";

const KEYS = ["period", "recommendation", "q", "sort", "dir", "page"] as const;
const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributorScorecards");
  return { title: t("title") };
}

/** 经销商考评: a quarter's ranking with its recommendation; channel keepers recompute it. */
export default async function DistributorScorecardsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const viewer = await requireViewer();
  const params = cleanSearchParams(await searchParams, KEYS);
  const [periods, locale, t] = await Promise.all([
    scorecardPeriods(viewer),
    getLocale(),
    getTranslations("distributorScorecards"),
  ]);
  const lastQuarter = previousQuarter(quarterOf(chinaDate(new Date()))).key;
  const period = parseQuarterKey(params.get("period"))?.key ?? periods[0] ?? lastQuarter;
  const recommendation = RECOMMENDATIONS.find((r) => r === params.get("recommendation")) ?? null;
  const sort: ScorecardSort = SCORECARD_SORTS.find((s) => s === params.get("sort")) ?? "rank";
  const dir =
    params.get("dir") === "desc"
      ? "desc"
      : params.get("dir") === "asc"
        ? "asc"
        : sort === "total"
          ? "desc"
          : "asc";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const q = (params.get("q") ?? "").trim().slice(0, 100) || null;
  const list = await listScorecards(viewer, {
    periodKey: period,
    recommendation,
    q,
    sort,
    dir,
    page,
    pageSize: PAGE_SIZE,
  });
  const canWrite = hasCapability(viewer, "channel.write");
  const quarterOptions = [...new Set([lastQuarter, ...periods, period])].sort().reverse();
  const base = new URLSearchParams({
    period,
    ...(recommendation ? { recommendation } : {}),
    ...(q ? { q } : {}),
  });
  const sortHrefs = Object.fromEntries(
    SCORECARD_SORTS.map((key) => [
      key,
      hrefWith("/distributor-scorecards", base, {
        sort: key,
        dir: sort === key ? (dir === "asc" ? "desc" : "asc") : key === "total" ? "desc" : "asc",
      }),
    ]),
  );
  const listed = new URLSearchParams(base);
  listed.set("sort", sort);
  listed.set("dir", dir);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/distributors/selection" className={buttonClass("secondary")}>
              {t("ranking.selection")}
            </Link>
            {hasCapability(viewer, "admin.channels") ? (
              <Link href="/admin/channels/scorecards" className={buttonClass("secondary")}>
                {t("ranking.settings")}
              </Link>
            ) : null}
          </>
        }
      />
      {canWrite ? (
        <ActionForm action={recomputeScorecardsAction} aria-label={t("ranking.recompute", { period })}>
          <input type="hidden" name="periodKey" value={period} />
          <SubmitButton variant="secondary">{t("ranking.recompute", { period })}</SubmitButton>
        </ActionForm>
      ) : null}
      <Card>
        <FilterForm action="/distributor-scorecards" label={t("ranking.filters")}>
          <label className="text-sm font-medium text-slate-800">
            {t("ranking.period")}
            <Select name="period" defaultValue={period} className="mt-1">
              {quarterOptions.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            {t("ranking.recommendation")}
            <Select name="recommendation" defaultValue={recommendation ?? ""} className="mt-1">
              <option value="">{t("ranking.all")}</option>
              {RECOMMENDATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`recommendation.${r}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            {t("ranking.search")}
            <Input name="q" defaultValue={q ?? ""} maxLength={100} className="mt-1" />
          </label>
        </FilterForm>
        {periods.length === 0 ? (
          <p className="px-4 pt-4 text-sm text-slate-600">{t("ranking.noPeriods")}</p>
        ) : null}
        <ScorecardTable
          rows={list.rows}
          locale={locale}
          sort={{ key: sort, dir }}
          sortHrefs={sortHrefs}
          labels={{
            caption: t("ranking.caption", { period }),
            sortedAscending: t("ranking.sortedAscending"),
            sortedDescending: t("ranking.sortedDescending"),
            rank: t("ranking.rank"),
            distributor: t("ranking.distributor"),
            total: t("ranking.total"),
            recommendation: t("ranking.recommendation"),
            factors: Object.fromEntries(SCORECARD_FACTORS.map((f) => [f, t(`factors.${f}`)])) as Record<
              (typeof SCORECARD_FACTORS)[number],
              string
            >,
            recommendations: Object.fromEntries(
              RECOMMENDATIONS.map((r) => [r, t(`recommendation.${r}`)]),
            ) as Record<Recommendation, string>,
            overridden: t("ranking.overridden"),
            empty: t("ranking.empty"),
          }}
        />
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={list.total}
          hrefFor={(p) => hrefWith("/distributor-scorecards", listed, { page: p > 1 ? p : null })}
          labels={{
            navigation: t("pagination.navigation"),
            previous: t("pagination.previous"),
            next: t("pagination.next"),
            status: `${t("ranking.count", { count: list.total })} · ${t("pagination.status", { page, pages })}`,
            page: (p) => t("pagination.page", { page: p }),
          }}
        />
      </Card>
    </div>
  );
}
