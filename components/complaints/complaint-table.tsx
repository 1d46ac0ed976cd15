"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "./sla-text";

/** A queue row as the server shaped it: every label already in the viewer's language. */
export type ComplaintTableRow = {
  id: string;
  number: string;
  title: string;
  account: string;
  status: { text: string; tone: Tone };
  severity: { text: string; tone: Tone };
  category: string;
  owner: string;
  handler: string;
  received: string;
  sla: { label: string; text: string; tone: Tone };
  flags: string[];
};

const col = createColumnHelper<ComplaintTableRow>();

export function ComplaintTable({
  rows,
  headers,
  labels,
  sort,
  sortHrefs,
  empty,
}: {
  rows: ComplaintTableRow[];
  headers: Record<
    "number" | "title" | "status" | "severity" | "sla" | "owner" | "handler" | "received",
    string
  >;
  labels: { caption: string; sortedAscending: string; sortedDescending: string };
  sort: SortState;
  sortHrefs: Record<string, string>;
  empty: string;
}) {
  const columns = [
    col.accessor("number", {
      header: headers.number,
      meta: { sortKey: "number", cellClassName: "whitespace-nowrap tabular-nums" },
      cell: (c) => (
        <RowLink
          href={`/complaints/${encodeURIComponent(c.row.original.id)}`}
          className="font-medium text-indigo-800 hover:underline"
        >
          {c.getValue()}
        </RowLink>
      ),
    }),
    col.accessor("title", {
      header: headers.title,
      cell: (c) => (
        <div className="min-w-48 max-w-md">
          <p className="break-words text-slate-900">{c.getValue()}</p>
          <p className="break-words text-xs text-slate-600">
            {c.row.original.account} · {c.row.original.category}
          </p>
          {c.row.original.flags.length ? (
            <p className="mt-1 flex flex-wrap gap-1">
              {c.row.original.flags.map((f) => (
                <Badge key={f} tone="bad">
                  {f}
                </Badge>
              ))}
            </p>
          ) : null}
        </div>
      ),
    }),
    col.accessor("status", {
      header: headers.status,
      meta: { sortKey: "status" },
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    col.accessor("severity", {
      header: headers.severity,
      meta: { sortKey: "severity" },
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    col.accessor("sla", {
      header: headers.sla,
      meta: { sortKey: "ackDueAt", cellClassName: "whitespace-nowrap" },
      cell: (c) => (
        <span className="text-xs">
          <span className="block text-slate-600">{c.getValue().label}</span>
          <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>
        </span>
      ),
    }),
    col.accessor("owner", { header: headers.owner }),
    col.accessor("handler", { header: headers.handler }),
    col.accessor("received", {
      header: headers.received,
      meta: { sortKey: "receivedAt", cellClassName: "whitespace-nowrap tabular-nums" },
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
