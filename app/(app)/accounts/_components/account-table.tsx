"use client";

import type { ReactNode } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type DataTableLabels, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { cn } from "@/components/ui/cn";
import { formatMessage, useLocale } from "@/lib/i18n/client";
import { BulkActions, type BulkLabels } from "./bulk-actions";
import { ACCOUNT_COLUMNS, SORTABLE_COLUMNS, type AccountColumn, type AccountListItem } from "./columns";

const HEALTH_STYLES = {
  HEALTHY: "bg-emerald-100 text-emerald-900",
  WATCH: "bg-amber-100 text-amber-900",
  AT_RISK: "bg-red-100 text-red-900",
} as const;

const TIER_STYLES: Record<AccountListItem["tier"], string> = {
  // Distinct at a glance and each at least 4.5:1; the letter and name carry the meaning too.
  A: "bg-indigo-700 text-white",
  B: "bg-sky-100 text-sky-900 ring-1 ring-inset ring-sky-300",
  C: "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300",
};

export type AccountTableLabels = DataTableLabels & {
  /** Short header texts. */
  columns: Record<AccountColumn, string>;
  /** The full names (tooltips; the column menu uses them too). */
  columnTitles: Record<AccountColumn, string>;
  /** ICU template with {name}. */
  selectRow: string;
  negative: string;
  overridden: string;
};

const column = createColumnHelper<AccountListItem>();

function buildColumns(labels: AccountTableLabels) {
  const sortKey = (id: AccountColumn) => SORTABLE_COLUMNS[id]?.key;
  const dash = <span className="text-slate-400">—</span>;
  const head = (id: AccountColumn) =>
    labels.columns[id] === labels.columnTitles[id] ? (
      labels.columns[id]
    ) : (
      <span title={labels.columnTitles[id]}>{labels.columns[id]}</span>
    );
  const defs = {
    name: column.accessor("name", {
      header: () => head("name"),
      meta: { sortKey: sortKey("name"), cellClassName: "min-w-40 [overflow-wrap:anywhere]" },
      cell: ({ row }) => (
        <RowLink
          href={`/accounts/${row.original.id}`}
          className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {row.original.name}
        </RowLink>
      ),
    }),
    tier: column.accessor("tier", {
      header: () => head("tier"),
      meta: { sortKey: sortKey("tier"), cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => (
        <span className="inline-flex items-center gap-1">
          <span
            title={row.original.tierLabel}
            className={cn(
              "inline-flex h-6 min-w-6 items-center justify-center rounded px-1.5 text-xs font-bold",
              TIER_STYLES[row.original.tier],
            )}
          >
            <span aria-hidden="true">{row.original.tier}</span>
            <span className="sr-only">{row.original.tierLabel}</span>
          </span>
          {row.original.tierOverridden ? (
            <span className="text-xs text-slate-600" title={labels.overridden}>
              *<span className="sr-only"> {labels.overridden}</span>
            </span>
          ) : null}
        </span>
      ),
    }),
    score: column.accessor("score", {
      header: () => head("score"),
      meta: { sortKey: sortKey("score"), numeric: true },
    }),
    health: column.accessor("health", {
      header: () => head("health"),
      // The band may go under the score: the column must not push the table past a 1,440 px screen.
      meta: { sortKey: sortKey("health"), numeric: true },
      cell: ({ row }) =>
        row.original.healthBand ? (
          <span className="inline-flex flex-wrap items-center justify-end gap-x-1.5 gap-y-0.5">
            <span className="tabular-nums">{row.original.health}</span>
            <span
              className={cn(
                "rounded px-1.5 py-0.5 text-xs font-medium",
                HEALTH_STYLES[row.original.healthBand],
              )}
            >
              {row.original.healthLabel}
            </span>
          </span>
        ) : (
          dash
        ),
    }),
    priority: column.accessor("priority", {
      header: () => head("priority"),
      meta: { sortKey: sortKey("priority"), numeric: true },
    }),
    lifecycle: column.accessor("lifecycle", {
      header: () => head("lifecycle"),
      meta: { sortKey: sortKey("lifecycle"), cellClassName: "whitespace-nowrap" },
    }),
    industry: column.accessor("industry", {
      header: () => head("industry"),
      // Long English industry names wrap rather than widen the table.
      meta: { cellClassName: "min-w-28" },
      cell: ({ getValue }) => getValue() ?? dash,
    }),
    region: column.accessor("region", {
      header: () => head("region"),
      meta: { cellClassName: "whitespace-nowrap" },
      cell: ({ getValue }) => getValue() ?? dash,
    }),
    owner: column.accessor("owner", {
      header: () => head("owner"),
      meta: { cellClassName: "whitespace-nowrap" },
    }),
    asset: column.accessor("negativeAsset", {
      id: "asset",
      header: () => head("asset"),
      cell: ({ getValue }) =>
        getValue() ? (
          <span className="inline-flex items-center rounded bg-red-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-900">
            {labels.negative}
          </span>
        ) : (
          dash
        ),
    }),
    updatedAt: column.accessor("updatedAt", {
      header: () => head("updatedAt"),
      meta: { sortKey: sortKey("updatedAt"), cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => <time dateTime={row.original.updatedAt}>{row.original.updatedLabel}</time>,
    }),
  };
  return ACCOUNT_COLUMNS.map((id) => defs[id]);
}

/** The account list's table: rows from the server, sorting by URL, optional bulk actions. */
export function AccountTable({
  rows,
  labels,
  sort,
  sortHrefs,
  visibleColumns,
  bulk,
  columnMenu,
  summary,
  empty,
}: {
  rows: AccountListItem[];
  labels: AccountTableLabels;
  sort: SortState;
  sortHrefs: Record<string, string>;
  visibleColumns: AccountColumn[];
  /** Present for managers and administrators. */
  bulk?: {
    owners: { value: string; label: string }[];
    tiers: { value: string; label: string }[];
    labels: BulkLabels;
  };
  columnMenu: ReactNode;
  /** "Showing 1–25 of 118". */
  summary: ReactNode;
  empty: ReactNode;
}) {
  const locale = useLocale();
  const columnVisibility = Object.fromEntries(ACCOUNT_COLUMNS.map((c) => [c, visibleColumns.includes(c)]));
  return (
    <DataTable
      data={rows}
      columns={buildColumns(labels)}
      getRowId={(row) => row.id}
      labels={labels}
      sort={sort}
      sortHrefs={sortHrefs}
      columnVisibility={columnVisibility}
      selectable={!!bulk}
      rowSelectLabel={(row) => formatMessage(labels.selectRow, { name: row.name }, locale)}
      empty={empty}
      toolbar={({ ids, clear }) => (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <p className="text-sm text-slate-700">{summary}</p>
          {columnMenu}
          {bulk ? (
            <div className="basis-full">
              <BulkActions
                ids={ids}
                onDone={clear}
                owners={bulk.owners}
                tiers={bulk.tiers}
                labels={bulk.labels}
              />
            </div>
          ) : null}
        </div>
      )}
    />
  );
}
