"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";

/**
 * The agreements and statements lists: rows shaped on the server with every label already in the
 * viewer's language; the server pages and filters (the table renders what it is given).
 */
export type RecordRow = {
  id: string;
  href: string;
  number: string;
  distributor: string;
  status: { text: string; tone: "neutral" | "good" | "warn" | "bad" | "info" };
  /** Further columns, in the order of `headers.extra`. */
  extra: { text: string; numeric?: boolean }[];
};

const col = createColumnHelper<RecordRow>();

export function RecordTable({
  rows,
  headers,
  caption,
  empty,
}: {
  rows: RecordRow[];
  headers: { number: string; distributor: string; status: string; extra: string[] };
  caption: string;
  empty: string;
}) {
  const columns = [
    col.accessor("number", {
      header: headers.number,
      meta: { cellClassName: "whitespace-nowrap tabular-nums" },
      cell: (c) => (
        <RowLink href={c.row.original.href} className="font-medium text-indigo-800 hover:underline">
          {c.getValue()}
        </RowLink>
      ),
    }),
    col.accessor("distributor", { header: headers.distributor }),
    col.accessor("status", {
      header: headers.status,
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    ...headers.extra.map((header, i) =>
      col.display({
        id: `extra${i}`,
        header,
        meta: { numeric: rows[0]?.extra[i]?.numeric ?? false, cellClassName: "whitespace-nowrap" },
        cell: (c) => c.row.original.extra[i]?.text ?? "",
      }),
    ),
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      labels={{ caption, sortedAscending: "", sortedDescending: "" }}
      empty={empty}
    />
  );
}
