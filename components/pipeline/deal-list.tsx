"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";
import { BOARD_COLUMNS } from "@/lib/domain/pipeline";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { columnOf, type PipelineCard } from "./card-data";
import { boardFormat } from "./format";

const PAGE_SIZE = 50;

const TIER_STYLES: Record<PipelineCard["tier"], string> = {
  A: "bg-indigo-700 text-white",
  B: "bg-sky-100 text-sky-900 ring-1 ring-inset ring-sky-300",
  C: "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300",
};

const column = createColumnHelper<PipelineCard>();

/**
 * The board's deals as a table (?view=list). The board has already loaded every deal for these
 * filters, so sorting and paging happen here in the browser (the shared DataTable sorts on the
 * server through links, which would only reload the same rows).
 */
export function DealList({ cards, staleDays }: { cards: PipelineCard[]; staleDays: number }) {
  const t = useTranslations("pipeline");
  const tg = useTranslations("gate");
  const ta = useTranslations("account");
  const locale = useLocale();
  const fmt = useMemo(() => boardFormat(locale), [locale]);
  const [sorting, setSorting] = useState<SortingState>([]);

  const columns = useMemo(
    () => [
      column.accessor("title", {
        header: t("list.title"),
        cell: ({ row }) => (
          <Link
            href={`/deals/${row.original.id}`}
            prefetch={false}
            className="font-medium text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {row.original.title}
          </Link>
        ),
        meta: { cellClassName: "min-w-44" },
      }),
      column.accessor("accountName", { header: t("list.account"), meta: { cellClassName: "min-w-40" } }),
      column.accessor("tier", {
        header: t("list.tier"),
        cell: ({ row }) => (
          <span
            title={ta(`tiers.${row.original.tier}`)}
            className={cn(
              "inline-flex h-6 min-w-6 items-center justify-center rounded px-1.5 text-xs font-bold",
              TIER_STYLES[row.original.tier],
            )}
          >
            <span aria-hidden="true">{row.original.tier}</span>
            <span className="sr-only">{ta(`tiers.${row.original.tier}`)}</span>
          </span>
        ),
      }),
      column.accessor((c) => BOARD_COLUMNS.indexOf(columnOf(c) ?? c.stage), {
        id: "stage",
        header: t("list.stage"),
        cell: ({ row }) => {
          const c = columnOf(row.original) ?? row.original.stage;
          return c === "WON" || c === "LOST" ? tg(`columns.${c}`) : tg(`stageShort.${c}`);
        },
        meta: { cellClassName: "whitespace-nowrap" },
      }),
      column.accessor("value", {
        header: t("list.value"),
        cell: ({ getValue }) => fmt.moneyFull(getValue()),
        meta: { numeric: true },
      }),
      column.accessor("weighted", {
        header: t("list.weighted"),
        cell: ({ row }) => (row.original.status === "OPEN" ? fmt.moneyFull(row.original.weighted) : "—"),
        meta: { numeric: true },
      }),
      column.accessor("ownerName", { header: t("list.owner"), meta: { cellClassName: "whitespace-nowrap" } }),
      column.accessor("daysInStage", {
        header: t("list.days"),
        cell: ({ row }) => {
          const c = row.original;
          if (c.status !== "OPEN") return "—";
          const stale = c.daysInStage > staleDays;
          return (
            <span className={stale ? "font-semibold text-amber-900" : undefined}>
              {fmt.number(c.daysInStage)}
              {stale ? (
                <span className="ml-1 rounded bg-amber-100 px-1 text-xs">{t("card.stale")}</span>
              ) : null}
            </span>
          );
        },
        meta: { numeric: true },
      }),
      column.accessor((c) => c.expectedCloseDate ?? "", {
        id: "close",
        header: t("list.close"),
        cell: ({ row }) =>
          row.original.expectedCloseDate ? fmt.dateFull(row.original.expectedCloseDate) : "—",
        meta: { cellClassName: "whitespace-nowrap" },
      }),
      column.accessor((c) => c.unmet.length, {
        id: "gate",
        header: t("list.gate"),
        cell: ({ row }) =>
          row.original.unmet.length ? (
            <span title={row.original.unmet.map((i) => tg(`items.${i}`)).join("\n")}>
              {fmt.number(row.original.unmet.length)}
            </span>
          ) : (
            "—"
          ),
        meta: { numeric: true },
      }),
    ],
    [fmt, staleDays, t, ta, tg],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 is not memo-safe; nothing memoises around it
  const table = useReactTable({
    data: cards,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
  });

  const { pageIndex } = table.getState().pagination;
  const total = cards.length;
  const from = total ? pageIndex * PAGE_SIZE + 1 : 0;
  const to = Math.min(total, (pageIndex + 1) * PAGE_SIZE);

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("list.caption")}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const dir = header.column.getIsSorted();
                  const numeric = header.column.columnDef.meta?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : undefined}
                      className={cn(
                        "px-2 py-2 text-left font-medium whitespace-nowrap text-slate-700 first:pl-4 last:pr-4",
                        numeric && "text-right",
                      )}
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 rounded hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span
                          aria-hidden="true"
                          className={cn("text-xs", dir ? "text-indigo-700" : "text-slate-400")}
                        >
                          {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
                        </span>
                        {dir ? (
                          <span className="sr-only">
                            , {dir === "asc" ? t("list.sortedAscending") : t("list.sortedDescending")}
                          </span>
                        ) : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-8 text-center text-slate-600">
                  {t("list.empty")}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
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
      <nav
        aria-label={t("list.pages")}
        className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm"
      >
        <p className="text-slate-700">
          {t("list.range", { from: fmt.number(from), to: fmt.number(to), total: fmt.number(total) })}
        </p>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            className="h-8 rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400"
          >
            {t("list.previous")}
          </button>
          <button
            type="button"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            className="h-8 rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400"
          >
            {t("list.next")}
          </button>
        </div>
      </nav>
    </div>
  );
}
