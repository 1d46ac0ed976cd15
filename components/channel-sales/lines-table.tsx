"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";

/** A sales-report line as the server shaped it (labels and money already formatted). */
export type LineTableRow = {
  id: string;
  date: string;
  distributor: string;
  distributorId: string;
  document: string | null;
  customer: string | null;
  region: string | null;
  product: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  cases: { id: string; number: string; kind: string }[];
};

const col = createColumnHelper<LineTableRow>();

export function ChannelLinesTable({
  rows,
  sellOut,
  headers,
  labels,
  sort,
  sortHrefs,
  empty,
}: {
  rows: LineTableRow[];
  sellOut: boolean;
  headers: Record<
    | "date"
    | "distributor"
    | "document"
    | "customer"
    | "region"
    | "product"
    | "quantity"
    | "unitPrice"
    | "amount"
    | "cases",
    string
  >;
  labels: { caption: string; sortedAscending: string; sortedDescending: string };
  sort: SortState;
  sortHrefs: Record<string, string>;
  empty: string;
}) {
  const columns = [
    col.accessor("date", {
      header: headers.date,
      meta: { sortKey: "date", cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("distributor", {
      header: headers.distributor,
      cell: (c) => (
        <Link
          href={`/distributors/${encodeURIComponent(c.row.original.distributorId)}`}
          className="block min-w-40 text-indigo-800 hover:underline"
        >
          {c.getValue()}
        </Link>
      ),
    }),
    ...(sellOut
      ? [
          col.accessor("customer", {
            header: headers.customer,
            cell: (c) => <span className="block min-w-40 break-words">{c.getValue()}</span>,
          }),
          col.accessor("region", { header: headers.region }),
        ]
      : [
          col.accessor("document", {
            header: headers.document,
            meta: { cellClassName: "whitespace-nowrap font-mono text-xs" },
          }),
        ]),
    col.accessor("product", {
      header: headers.product,
      cell: (c) => <span className="block min-w-32">{c.getValue()}</span>,
    }),
    col.accessor("quantity", {
      header: headers.quantity,
      meta: { numeric: true, cellClassName: "tabular-nums" },
    }),
    col.accessor("unitPrice", {
      header: headers.unitPrice,
      meta: { numeric: true, cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("amount", {
      header: headers.amount,
      meta: { numeric: true, cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    ...(sellOut
      ? [
          col.accessor("cases", {
            header: headers.cases,
            cell: (c) => (
              <span className="flex flex-wrap gap-1">
                {c.getValue().map((k) => (
                  <Link
                    key={k.id}
                    href={`/channel-conflicts/${encodeURIComponent(k.id)}`}
                    className="hover:underline"
                  >
                    <Badge tone="bad">
                      {k.number} · {k.kind}
                    </Badge>
                  </Link>
                ))}
              </span>
            ),
          }),
        ]
      : []),
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
