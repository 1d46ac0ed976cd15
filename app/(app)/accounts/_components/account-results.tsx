import { getFormatter, getTranslations } from "next-intl/server";
import { ColumnMenu } from "@/components/data-table/column-menu";
import { PageSizeSelect } from "@/components/data-table/page-size-select";
import { Pagination } from "@/components/data-table/pagination";
import { hrefWith } from "@/components/data-table/url";
import { listAccountsPage } from "@/lib/data/account-list";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { isIndustry } from "@/lib/domain/industries";
import { TIME_ZONE } from "@/lib/i18n/config";
import { territoryLabel } from "@/lib/i18n/names";
import { TIERS } from "@/lib/domain/account-kinds";
import { type AccountListQuery } from "@/lib/validation/accounts";
import { AccountTable } from "./account-table";
import {
  ACCOUNT_COLUMNS,
  DEFAULT_COLUMNS,
  DEFAULT_PAGE_SIZE,
  LOCKED_COLUMNS,
  PAGE_SIZES,
  SORTABLE_COLUMNS,
  type AccountColumn,
  type AccountListItem,
} from "./columns";

/** The table part of the list (its own Suspense boundary, so filters show while rows load). */
export async function AccountResults({
  viewer,
  query,
  params,
  visibleColumns,
  filtered,
  owners,
}: {
  viewer: Viewer;
  query: AccountListQuery;
  /** The list's clean query string. */
  params: string;
  visibleColumns: AccountColumn[];
  /** Whether any filter narrows the list (for the empty message). */
  filtered: boolean;
  owners: { value: string; label: string }[];
}) {
  const [result, t, ta, th, format] = await Promise.all([
    listAccountsPage(viewer, query),
    getTranslations("accountList"),
    getTranslations("account"),
    getTranslations("health"),
    getFormatter(),
  ]);
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

  const rows: AccountListItem[] = result.rows.map((a) => ({
    id: a.id,
    name: a.name,
    creditCode: a.creditCode,
    tier: a.tier,
    tierLabel: ta(`tiers.${a.tier}`),
    tierOverridden: a.tier !== a.computedTier,
    score: format.number(a.compositeScore, oneDecimal),
    health: a.healthScore === null ? "" : format.number(a.healthScore, oneDecimal),
    healthBand: a.healthBand,
    healthLabel: a.healthBand ? th(`bands.${a.healthBand}`) : "",
    priority: format.number(a.priorityScore, oneDecimal),
    lifecycle: ta(`lifecycle.${a.lifecycle}`),
    industry: a.industry ? (isIndustry(a.industry) ? ta(`industries.${a.industry}`) : a.industry) : null,
    region: a.territory ? territoryLabel(a.territory, viewer.locale) : null,
    owner: a.owner.name,
    negativeAsset: a.negativeAsset,
    updatedAt: a.updatedAt.toISOString(),
    updatedLabel: format.dateTime(a.updatedAt, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone: TIME_ZONE,
    }),
  }));

  const columnLabels: Record<AccountColumn, string> = {
    name: ta("fields.name"),
    tier: ta("fields.tier"),
    score: ta("fields.score"),
    health: th("title"),
    priority: ta("fields.priority"),
    lifecycle: ta("fields.lifecycle"),
    industry: ta("fields.industry"),
    region: ta("fields.territory"),
    owner: ta("fields.owner"),
    asset: t("columns.asset"),
    updatedAt: ta("fields.updatedAt"),
  };

  const sortHrefs = Object.fromEntries(
    Object.values(SORTABLE_COLUMNS).map(({ key, first }) => {
      const dir = query.sort === key ? (query.dir === "asc" ? "desc" : "asc") : first;
      return [key, hrefWith("/accounts", params, { sort: key, dir, page: null })];
    }),
  );

  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const from = result.total ? (result.page - 1) * result.pageSize + 1 : 0;
  const to = Math.min(result.total, result.page * result.pageSize);
  const summary =
    result.rows.length && result.total > result.rows.length
      ? t("range", { from: format.number(from), to: format.number(to), total: format.number(result.total) })
      : t("total", { total: result.total });

  const canBulk = hasCapability(viewer, "records.reassign");

  return (
    <>
      <AccountTable
        rows={rows}
        labels={{
          caption: t("table.caption"),
          sortedAscending: t("table.sortedAscending"),
          sortedDescending: t("table.sortedDescending"),
          selectAll: t("table.selectAll"),
          selectRow: t.raw("table.selectRow") as string,
          negative: t("table.negative"),
          overridden: t("table.overridden"),
          columns: Object.fromEntries(ACCOUNT_COLUMNS.map((id) => [id, t(`columns.short.${id}`)])) as Record<
            AccountColumn,
            string
          >,
          columnTitles: columnLabels,
        }}
        sort={{ key: query.sort, dir: query.dir }}
        sortHrefs={sortHrefs}
        visibleColumns={visibleColumns}
        summary={summary}
        empty={filtered ? t("table.empty") : t("table.emptyNone")}
        columnMenu={
          <ColumnMenu
            label={t("columns.menu")}
            menuLabel={t("columns.menuLabel")}
            lockedLabel={t("columns.locked")}
            columns={ACCOUNT_COLUMNS.map((id) => ({
              id,
              label: columnLabels[id],
              locked: LOCKED_COLUMNS.includes(id),
            }))}
            visible={visibleColumns}
            defaults={[...DEFAULT_COLUMNS]}
            path="/accounts"
            params={params}
          />
        }
        bulk={
          canBulk
            ? {
                owners,
                tiers: TIERS.map((tier) => ({ value: tier, label: ta(`tiers.${tier}`) })),
                labels: {
                  label: t("bulk.label"),
                  selected: t.raw("bulk.selected") as string,
                  selectHint: t("bulk.selectHint"),
                  reassign: t("bulk.reassign"),
                  setTier: t("bulk.setTier"),
                  owner: t("bulk.owner"),
                  chooseOwner: t("bulk.chooseOwner"),
                  tier: t("bulk.tier"),
                  chooseTier: t("bulk.chooseTier"),
                  reason: t("bulk.reason"),
                  reasonHint: t("bulk.reasonHint"),
                  reassignSubmit: t("bulk.reassignSubmit"),
                  tierSubmit: t("bulk.tierSubmit"),
                },
              }
            : undefined
        }
      />
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        hrefFor={(page) => hrefWith("/accounts", params, { page: page > 1 ? page : null })}
        labels={{
          navigation: t("paging.label"),
          previous: t("paging.previous"),
          next: t("paging.next"),
          status: t("paging.status", {
            page: format.number(Math.min(result.page, pages)),
            pages: format.number(pages),
          }),
          page: (page) => t("paging.page", { page }),
        }}
        extra={
          <PageSizeSelect
            label={t("paging.pageSize")}
            value={result.pageSize}
            options={[...new Set([...PAGE_SIZES, result.pageSize])]
              .sort((a, b) => a - b)
              .map((size) => ({
                value: size,
                href: hrefWith("/accounts", params, {
                  pageSize: size === DEFAULT_PAGE_SIZE ? null : size,
                  page: null,
                }),
              }))}
          />
        }
      />
    </>
  );
}
