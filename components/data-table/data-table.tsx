"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server-side sort key this column's header sorts by (see DataTable's `sortHrefs`). */
    sortKey?: string;
    /** Right-aligned numbers. */
    numeric?: boolean;
    /** Extra classes for this column's cells. */
    cellClassName?: string;
    /** Phantom use of the generics (TanStack's ColumnMeta must keep them). */
    _types?: [TData, TValue];
  }
}

export type SortState = { key: string; dir: "asc" | "desc" };

export type DataTableLabels = {
  caption: string;
  sortedAscending: string;
  sortedDescending: string;
  /** Only with `selectable`. */
  selectAll?: string;
};

export type SelectionContext = { ids: string[]; clear: () => void };

/**
 * A small TanStack Table v8 wrapper for server-driven lists: the server sorts, filters and pages
 * (headers are links that change the URL), the table renders the rows it is given, shows and hides
 * columns, and keeps a row selection (checkboxes, "select all on this page") for bulk actions.
 */
export function DataTable<T>({
  data,
  columns,
  getRowId,
  labels,
  sort,
  sortHrefs,
  columnVisibility,
  selectable = false,
  rowSelectLabel,
  toolbar,
  empty,
}: {
  data: T[];
  // TanStack's column definitions are invariant in their value type; `any` is the documented way
  // to hold a list of columns with different value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  labels: DataTableLabels;
  /** The current server-side sort. */
  sort?: SortState;
  /** For each sort key: the list's address sorted by it (the caller picks the direction). */
  sortHrefs?: Record<string, string>;
  columnVisibility?: VisibilityState;
  selectable?: boolean;
  /** Accessible name of a row's checkbox, e.g. "Select Acme Ltd". */
  rowSelectLabel?: (row: T) => string;
  /** Rendered above the table with the current selection (bulk actions, column menu…). */
  toolbar?: (selection: SelectionContext) => ReactNode;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
}) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // A new page of rows (navigation, refresh after a change) starts with nothing selected.
  const [seenData, setSeenData] = useState(data);
  if (seenData !== data) {
    setSeenData(data);
    setRowSelection({});
  }

  const allColumns: typeof columns = selectable
    ? [
        {
          id: "_select",
          enableHiding: false,
          header: ({ table }) => (
            <Checkbox
              label={labels.selectAll ?? ""}
              checked={table.getIsAllPageRowsSelected()}
              indeterminate={table.getIsSomePageRowsSelected()}
              disabled={table.getRowModel().rows.length === 0}
              onChange={table.getToggleAllPageRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) => (
            <Checkbox
              label={rowSelectLabel?.(row.original) ?? row.id}
              checked={row.getIsSelected()}
              onChange={row.getToggleSelectedHandler()}
            />
          ),
        },
        ...columns,
      ]
    : columns;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 is not memo-safe; this component does not memoise around it
  const table = useReactTable({
    data,
    columns: allColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableRowSelection: selectable,
    state: { rowSelection, columnVisibility: columnVisibility ?? {} },
    onRowSelectionChange: setRowSelection,
  });

  const ids = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const clear = () => setRowSelection({});
  const visibleCount = table.getVisibleLeafColumns().length;

  return (
    <>
      {toolbar ? toolbar({ ids, clear }) : null}
      <div className="relative overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{labels.caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const key = meta?.sortKey;
                  const active = key && sort?.key === key ? sort.dir : undefined;
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());
                  const href = key ? sortHrefs?.[key] : undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        active === "asc" ? "ascending" : active === "desc" ? "descending" : undefined
                      }
                      className={cn(
                        "px-2 py-2 text-left font-medium whitespace-nowrap text-slate-700 first:pl-4 last:pr-4",
                        header.column.id === "_select" && "w-10",
                        meta?.numeric && "text-right",
                      )}
                    >
                      {href ? (
                        <Link
                          href={href}
                          scroll={false}
                          // The same list sorted otherwise: fetched when clicked, not for every column.
                          prefetch={false}
                          className="inline-flex items-center gap-1 rounded hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          {content}
                          <SortIcon dir={active} />
                          {active ? (
                            <span className="sr-only">
                              , {active === "asc" ? labels.sortedAscending : labels.sortedDescending}
                            </span>
                          ) : null}
                        </Link>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="px-4 py-8 text-center text-slate-600">
                  {empty}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={row.getIsSelected() ? "bg-indigo-50" : undefined}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        className={cn(
                          "px-2 py-2 align-middle text-slate-800 first:pl-4 last:pr-4",
                          meta?.numeric && "text-right tabular-nums",
                          meta?.cellClassName,
                        )}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SortIcon({ dir }: { dir?: "asc" | "desc" }) {
  return (
    <span aria-hidden="true" className={cn("text-xs", dir ? "text-indigo-700" : "text-slate-400")}>
      {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
    </span>
  );
}

function Checkbox({
  label,
  checked,
  indeterminate = false,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange: (event: unknown) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate && !checked;
  }, [indeterminate, checked]);
  // On a phone the box's label is a 44 px square around it (negative margins keep the row's height).
  return (
    <label className="-m-3.5 inline-flex size-11 cursor-pointer items-center justify-center align-middle sm:m-0 sm:size-auto">
      <input
        ref={ref}
        type="checkbox"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="size-4 accent-indigo-700 align-middle"
      />
    </label>
  );
}
