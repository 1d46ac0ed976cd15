"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";

/** A list row as the server shaped it: every label already in the viewer's language. */
export type DistributorTableRow = {
  id: string;
  code: string;
  name: string;
  creditCode: string;
  kind: string;
  stage: { text: string; tone: "good" | "bad" | "warn" | "neutral" | "info" };
  territory: string;
  owner: string;
  annualSales: string;
  exclusive: string;
  updated: string;
};

const col = createColumnHelper<DistributorTableRow>();

/** 经销商列表: sorted and paged on the server (headers are links). */
export function DistributorTable({
  rows,
  headers,
  labels,
  sort,
  sortHrefs,
  empty,
}: {
  rows: DistributorTableRow[];
  headers: Record<
    "code" | "name" | "kind" | "stage" | "territory" | "owner" | "annualSales" | "updatedAt",
    string
  >;
  labels: { caption: string; sortedAscending: string; sortedDescending: string };
  sort: SortState;
  sortHrefs: Record<string, string>;
  empty: string;
}) {
  const columns = [
    col.accessor("code", {
      header: headers.code,
      meta: { sortKey: "code", cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("name", {
      header: headers.name,
      meta: { sortKey: "name", cellClassName: "min-w-48 [overflow-wrap:anywhere]" },
      cell: (c) => (
        <div>
          <RowLink
            href={`/distributors/${encodeURIComponent(c.row.original.id)}`}
            className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {c.getValue()}
          </RowLink>
          {c.row.original.creditCode || c.row.original.exclusive ? (
            <p className="text-xs text-slate-600">
              {[c.row.original.creditCode, c.row.original.exclusive].filter(Boolean).join(" · ")}
            </p>
          ) : null}
        </div>
      ),
    }),
    col.accessor("kind", { header: headers.kind, meta: { cellClassName: "whitespace-nowrap" } }),
    col.accessor("stage", {
      header: headers.stage,
      meta: { sortKey: "stage" },
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    col.accessor("territory", { header: headers.territory }),
    col.accessor("owner", { header: headers.owner }),
    col.accessor("annualSales", {
      header: headers.annualSales,
      meta: { sortKey: "annualSales", numeric: true, cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("updated", {
      header: headers.updatedAt,
      meta: { sortKey: "updatedAt", cellClassName: "whitespace-nowrap tabular-nums" },
    }),
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      labels={labels}
      sort={sort}
      sortHrefs={sortHrefs}
      empty={<p className="px-4 py-6 text-sm text-slate-600">{empty}</p>}
    />
  );
}
