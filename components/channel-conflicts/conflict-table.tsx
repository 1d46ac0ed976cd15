"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { Badge } from "@/components/ui/badge";

type Tone = "good" | "warn" | "bad" | "neutral" | "info";

/** A queue row as the server shaped it: every label already in the viewer's language. */
export type ConflictTableRow = {
  id: string;
  number: string;
  kind: string;
  status: { text: string; tone: Tone };
  distributor: string;
  affected: string | null;
  evidence: string;
  age: { text: string; tone: Tone };
  opened: string;
  outcome: string | null;
};

const col = createColumnHelper<ConflictTableRow>();

export function ConflictTable({
  rows,
  headers,
  labels,
  sort,
  sortHrefs,
  empty,
}: {
  rows: ConflictTableRow[];
  headers: Record<"number" | "kind" | "status" | "parties" | "evidence" | "age" | "opened", string>;
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
          href={`/channel-conflicts/${encodeURIComponent(c.row.original.id)}`}
          className="font-medium text-indigo-800 hover:underline"
        >
          {c.getValue()}
        </RowLink>
      ),
    }),
    col.accessor("kind", { header: headers.kind }),
    col.accessor("status", {
      header: headers.status,
      meta: { sortKey: "status" },
      cell: (c) => (
        <span className="space-y-1">
          <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>
          {c.row.original.outcome ? (
            <span className="block text-xs text-slate-600">{c.row.original.outcome}</span>
          ) : null}
        </span>
      ),
    }),
    col.accessor("distributor", {
      header: headers.parties,
      cell: (c) => (
        <div className="min-w-40 max-w-xs">
          <p className="break-words text-slate-900">{c.getValue()}</p>
          {c.row.original.affected ? (
            <p className="break-words text-xs text-slate-600">→ {c.row.original.affected}</p>
          ) : null}
        </div>
      ),
    }),
    col.accessor("evidence", {
      header: headers.evidence,
      meta: { sortKey: "evidenceAmount", cellClassName: "whitespace-nowrap tabular-nums" },
    }),
    col.accessor("age", {
      header: headers.age,
      meta: { cellClassName: "whitespace-nowrap" },
      cell: (c) => <Badge tone={c.getValue().tone}>{c.getValue().text}</Badge>,
    }),
    col.accessor("opened", {
      header: headers.opened,
      meta: { sortKey: "createdAt", cellClassName: "whitespace-nowrap tabular-nums" },
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
