"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";

/** An invoice row as the server shaped it: every label already in the viewer's language. */
export type InvoiceTableRow = {
  id: string;
  invoiceNo: string;
  distributor: string;
  issuedOn: string;
  dueOn: string;
  amount: string;
  open: string;
  state: { text: string; tone: "neutral" | "good" | "warn" | "bad" | "info" };
  age: { text: string; tone: "neutral" | "warn" | "bad" };
};

const col = createColumnHelper<InvoiceTableRow>();

export function InvoiceTable({
  rows,
  headers,
  labels,
  sort,
  sortHrefs,
  empty,
}: {
  rows: InvoiceTableRow[];
  headers: Record<"invoiceNo" | "distributor" | "dueOn" | "amount" | "open" | "status" | "age", string>;
  labels: { caption: string; sortedAscending: string; sortedDescending: string };
  sort: SortState;
  sortHrefs: Record<string, string>;
  empty: string;
}) {
  const columns = [
    col.accessor("invoiceNo", {
      header: headers.invoiceNo,
      meta: { sortKey: "invoiceNo", cellClassName: "whitespace-nowrap tabular-nums" },
      cell: (c) => (
        <RowLink
          href={`/receivables/invoices/${encodeURIComponent(c.row.original.id)}`}
          className="font-medium text-indigo-800 hover:underline"
        >
          {c.getValue()}
        </RowLink>
      ),
    }),
    col.accessor("distributor", {
      header: headers.distributor,
      cell: (c) => <span className="block min-w-40 max-w-xs break-words">{c.getValue()}</span>,
    }),
    col.accessor("dueOn", {
      header: headers.dueOn,
      meta: { sortKey: "dueOn", cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("age", {
      header: headers.age,
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    col.accessor("amount", {
      header: headers.amount,
      meta: { sortKey: "amount", cellClassName: "whitespace-nowrap text-right tabular-nums" },
    }),
    col.accessor("open", {
      header: headers.open,
      meta: { sortKey: "open", cellClassName: "whitespace-nowrap text-right tabular-nums font-medium" },
    }),
    col.accessor("state", {
      header: headers.status,
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
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
