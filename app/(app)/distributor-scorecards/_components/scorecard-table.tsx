"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type DataTableLabels, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";
import { RECOMMENDATION_TONE, pointsText } from "@/components/distributor-scorecards/format";
import { SCORECARD_FACTORS, type ScorecardFactor } from "@/lib/domain/distributor-scorecard";
import type { ScorecardListRow } from "@/lib/data/distributor-scorecards/list";

export type ScorecardTableLabels = DataTableLabels & {
  rank: string;
  distributor: string;
  total: string;
  recommendation: string;
  factors: Record<ScorecardFactor, string>;
  recommendations: Record<string, string>;
  overridden: string;
  empty: string;
};

const column = createColumnHelper<ScorecardListRow>();

/** A quarter's ranking; headers sort on the server (links), each row opens its scorecard. */
export function ScorecardTable({
  rows,
  labels,
  locale,
  sort,
  sortHrefs,
}: {
  rows: ScorecardListRow[];
  labels: ScorecardTableLabels;
  locale: string;
  sort: SortState;
  sortHrefs: Record<string, string>;
}) {
  const columns = [
    column.accessor("rank", {
      header: () => labels.rank,
      meta: { sortKey: "rank", numeric: true, cellClassName: "w-12" },
      cell: ({ getValue }) => getValue() ?? "—",
    }),
    column.accessor("distributorName", {
      header: () => labels.distributor,
      meta: { sortKey: "name", cellClassName: "min-w-40 [overflow-wrap:anywhere]" },
      cell: ({ row }) => (
        <RowLink
          href={`/distributor-scorecards/${row.original.id}`}
          className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {row.original.distributorName}
        </RowLink>
      ),
    }),
    column.accessor("total", {
      header: () => labels.total,
      meta: { sortKey: "total", numeric: true },
      cell: ({ getValue }) => <span className="font-semibold">{pointsText(getValue(), locale)}</span>,
    }),
    column.accessor("recommendation", {
      header: () => labels.recommendation,
      meta: { cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => {
        const r = row.original.recommendation;
        if (!r) return "—";
        return (
          <span className="inline-flex items-center gap-1">
            <Badge tone={RECOMMENDATION_TONE[r]}>{labels.recommendations[r]}</Badge>
            {row.original.overridden ? (
              <span className="text-xs text-slate-600" title={labels.overridden}>
                *<span className="sr-only"> {labels.overridden}</span>
              </span>
            ) : null}
          </span>
        );
      },
    }),
    ...SCORECARD_FACTORS.map((f) =>
      column.display({
        id: f,
        header: () => labels.factors[f],
        meta: { numeric: true },
        cell: ({ row }) => pointsText(row.original.points[f], locale),
      }),
    ),
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      labels={labels}
      sort={sort}
      sortHrefs={sortHrefs}
      empty={<p className="px-4 py-6 text-sm text-slate-600">{labels.empty}</p>}
    />
  );
}
