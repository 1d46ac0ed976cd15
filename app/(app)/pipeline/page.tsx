import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { PipelineBoard, type BoardColumnPage } from "@/components/pipeline/board";
import { toPipelineCard } from "@/components/pipeline/card-data";
import { DealList } from "@/components/pipeline/deal-list";
import { Pagination } from "@/components/data-table/pagination";
import {
  cleanSearchParams,
  hrefWith,
  needsCleaning,
  queryString,
  type RawSearchParams,
} from "@/components/data-table/url";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { BOARD_CLOSED_DAYS, getBoard, getBoardOptions, listBoardDeals } from "@/lib/data/deals/board";
import { hasCapability } from "@/lib/domain/access";
import { ClientI18nProvider } from "@/lib/i18n/client";
import { teamLabel } from "@/lib/i18n/names";
import { BOARD_COLUMNS, type BoardColumn } from "@/lib/domain/pipeline";
import { TIERS } from "@/lib/domain/account-kinds";
import {
  boardFiltersSchema,
  DEAL_LIST_PAGE_SIZE,
  DEAL_LIST_SORTS,
  dealListQuerySchema,
} from "@/lib/validation/deals";
import { loadColumnAction, loadStageWorkAction, moveDealAction } from "./actions";
import { BoardFilterForm } from "./_components/filters";
import { PipelineFigures, PipelineFiguresSkeleton } from "./_components/figures";

const FILTER_KEYS = [
  "q",
  "ownerId",
  "teamId",
  "tier",
  "valueMin",
  "valueMax",
  "closeFrom",
  "closeTo",
] as const;
// The list view's sort and page: not filters, so the board and the figures ignore them.
const LIST_KEYS = ["sort", "dir", "page"] as const;
const KEYS = [...FILTER_KEYS, "view", ...LIST_KEYS] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pipeline");
  return { title: t("title") };
}

export default async function PipelinePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const params = cleanSearchParams(raw, KEYS);
  // A submitted filter form leaves empty fields in the address: tidy it once, so it reads cleanly.
  if (needsCleaning(raw, KEYS)) redirect(hrefWith("/pipeline", params));
  const filters = boardFiltersSchema.parse(Object.fromEntries(params));
  const view = params.get("view") === "list" ? "list" : "board";

  const listQuery = dealListQuerySchema.parse(Object.fromEntries(params));

  // The board loads a page per column; the list one page in the order chosen.
  const [data, options, t, ta, locale, messages, format] = await Promise.all([
    view === "list"
      ? listBoardDeals(viewer, filters, { ...listQuery, pageSize: DEAL_LIST_PAGE_SIZE }).then((r) => ({
          ...r,
          columns: null,
        }))
      : getBoard(viewer, filters).then((r) => ({ ...r, cards: null, total: null })),
    getBoardOptions(viewer),
    getTranslations("pipeline"),
    getTranslations("account"),
    getLocale(),
    getMessages(),
    getFormatter(),
  ]);
  const pages = Math.max(1, Math.ceil((data.total ?? 0) / DEAL_LIST_PAGE_SIZE));
  // A page past the end (the list shrank since the link was made): its last page.
  if (data.total !== null && listQuery.page > pages)
    redirect(hrefWith("/pipeline", params, { page: pages > 1 ? String(pages) : null }));
  const now = new Date();
  const list = data.cards?.map((c) => toPipelineCard(c, now));
  const columns = data.columns
    ? (Object.fromEntries(
        BOARD_COLUMNS.map((column) => {
          const page = data.columns[column];
          return [column, { ...page, cards: page.cards.map((c) => toPipelineCard(c, now)) }];
        }),
      ) as Record<BoardColumn, BoardColumnPage>)
    : null;
  const empty = list ? list.length === 0 : BOARD_COLUMNS.every((c) => data.columns?.[c].totals.count === 0);
  const activeFilters = FILTER_KEYS.filter((k) => params.has(k)).length;
  const noList = { sort: null, dir: null, page: null };
  const filterQuery = hrefWith("", params, { view: null, ...noList }).replace(/^\?/, "");
  const viewHref = (v: "board" | "list") =>
    hrefWith("/pipeline", params, v === "list" ? { view: "list", page: null } : { view: null, ...noList });
  const sortHrefs = Object.fromEntries(
    Object.entries(DEAL_LIST_SORTS).map(([key, first]) => {
      const dir = listQuery.sort === key ? (listQuery.dir === "asc" ? "desc" : "asc") : first;
      return [key, hrefWith("/pipeline", params, { sort: key, dir, page: null })];
    }),
  );
  const from = data.total ? (listQuery.page - 1) * DEAL_LIST_PAGE_SIZE + 1 : 0;
  const to = Math.min(data.total ?? 0, listQuery.page * DEAL_LIST_PAGE_SIZE);

  // The board's client components read these catalogues (see lib/i18n/client.tsx).
  const clientMessages = {
    common: messages.common,
    errors: messages.errors,
    pipeline: messages.pipeline,
    gate: messages.gate,
    account: { tiers: messages.account.tiers },
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <nav
            aria-label={t("views.label")}
            className="inline-flex rounded-md border border-slate-300 bg-white p-0.5"
          >
            {(["board", "list"] as const).map((v) => (
              <Link
                key={v}
                href={viewHref(v)}
                aria-current={view === v ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 sm:min-h-0 focus-visible:outline-indigo-600",
                  view === v ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {t(`views.${v}`)}
              </Link>
            ))}
          </nav>
        }
      />

      <BoardFilterForm
        filters={filters}
        stateKey={queryString(params)}
        keep={Object.fromEntries(
          ["view", "sort", "dir"].flatMap((k) => (params.has(k) ? [[k, params.get(k)!]] : [])),
        )}
        clearHref={viewHref(view)}
        labels={{
          summary: t("filters.summary", { count: activeFilters }),
          label: t("filters.label"),
          search: t("filters.search"),
          searchPlaceholder: t("filters.searchPlaceholder"),
          owner: t("filters.owner"),
          team: t("filters.team"),
          tier: t("filters.tier"),
          valueMin: t("filters.valueMin"),
          valueMax: t("filters.valueMax"),
          amountPlaceholder: t("filters.amountPlaceholder"),
          closeFrom: t("filters.closeFrom"),
          closeTo: t("filters.closeTo"),
          any: t("filters.any"),
          apply: t("filters.apply"),
          clear: t("filters.clear"),
        }}
        options={{
          owners: options.owners.map((o) => ({ value: o.id, label: o.name })),
          teams: options.teams.map((team) => ({ value: team.id, label: teamLabel(team, viewer.locale) })),
          tiers: TIERS.map((tier) => ({ value: tier, label: ta(`tiers.${tier}`) })),
        }}
      />

      <Suspense key={filterQuery} fallback={<PipelineFiguresSkeleton label={t("figures.loading")} />}>
        <PipelineFigures viewer={viewer} filters={filters} staleDays={data.settings.staleDays} />
      </Suspense>

      {empty ? (
        <p
          role="status"
          className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
        >
          {t("empty")}
        </p>
      ) : null}
      <ClientI18nProvider locale={locale} messages={clientMessages}>
        {list ? (
          <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <DealList
              cards={list}
              staleDays={data.settings.staleDays}
              sort={{ key: listQuery.sort, dir: listQuery.dir }}
              sortHrefs={sortHrefs}
            />
            <Pagination
              page={listQuery.page}
              pageSize={DEAL_LIST_PAGE_SIZE}
              total={data.total ?? 0}
              hrefFor={(page) => hrefWith("/pipeline", params, { page: page > 1 ? String(page) : null })}
              labels={{
                navigation: t("list.pages"),
                previous: t("list.previous"),
                next: t("list.next"),
                status: t("list.range", {
                  from: format.number(from),
                  to: format.number(to),
                  total: format.number(data.total ?? 0),
                }),
                page: (page) => t("list.page", { page }),
              }}
            />
          </div>
        ) : columns ? (
          <PipelineBoard
            columns={columns}
            filterQuery={filterQuery}
            staleDays={data.settings.staleDays}
            closedDays={BOARD_CLOSED_DAYS}
            canOverride={hasCapability(viewer, "pipeline.override")}
            lostReasons={options.lostReasons.map((r) => ({
              id: r.id,
              label: locale === "en" ? r.nameEn : r.name,
            }))}
            moveDeal={moveDealAction}
            loadColumn={loadColumnAction}
            loadStageWork={loadStageWorkAction}
          />
        ) : null}
      </ClientI18nProvider>
    </div>
  );
}
