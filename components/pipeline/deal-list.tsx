"use client";

import { useMemo } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type SortState } from "@/components/data-table/data-table";
import { cn } from "@/components/ui/cn";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { columnOf, type PipelineCard } from "./card-data";
import { boardFormat } from "./format";

const TIER_STYLES: Record<PipelineCard["tier"], string> = {
  A: "bg-indigo-700 text-white",
  B: "bg-sky-100 text-sky-900 ring-1 ring-inset ring-sky-300",
  C: "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300",
};

const column = createColumnHelper<PipelineCard>();

/**
 * The board's deals as a table (?view=list): one page of them, sorted and paged on the server
 * (headers and page links change the URL), so a team with 2,000 deals sends 50 rows.
 */
export function DealList({
  cards,
  staleDays,
  sort,
  sortHrefs,
}: {
  cards: PipelineCard[];
  staleDays: number;
  sort: SortState;
  /** For each sort key, the list's address sorted by it. */
  sortHrefs: Record<string, string>;
}) {
  const t = useTranslations("pipeline");
  const tg = useTranslations("gate");
  const ta = useTranslations("account");
  const locale = useLocale();
  const fmt = useMemo(() => boardFormat(locale), [locale]);

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
        meta: { sortKey: "title", cellClassName: "min-w-44 [overflow-wrap:anywhere]" },
      }),
      column.accessor("accountName", {
        header: t("list.account"),
        meta: { sortKey: "account", cellClassName: "min-w-40 [overflow-wrap:anywhere]" },
      }),
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
        meta: { sortKey: "tier" },
      }),
      column.display({
        id: "stage",
        header: t("list.stage"),
        cell: ({ row }) => {
          const c = columnOf(row.original) ?? row.original.stage;
          return c === "WON" || c === "LOST" ? tg(`columns.${c}`) : tg(`stageShort.${c}`);
        },
        // Stage names may wrap: at 1,440 px in English every column must fit.
        meta: { sortKey: "stage", cellClassName: "min-w-24" },
      }),
      column.accessor("value", {
        header: t("list.value"),
        cell: ({ getValue }) => fmt.moneyFull(getValue()),
        meta: { sortKey: "value", numeric: true },
      }),
      column.accessor("weighted", {
        header: t("list.weighted"),
        cell: ({ row }) => (row.original.status === "OPEN" ? fmt.moneyFull(row.original.weighted) : "—"),
        meta: { sortKey: "weighted", numeric: true },
      }),
      column.accessor("ownerName", {
        header: t("list.owner"),
        meta: { sortKey: "owner", cellClassName: "whitespace-nowrap" },
      }),
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
                <span className="ml-auto block w-fit rounded bg-amber-100 px-1 text-xs">
                  {t("card.stale")}
                </span>
              ) : null}
            </span>
          );
        },
        meta: { sortKey: "days", numeric: true },
      }),
      column.accessor("expectedCloseDate", {
        id: "close",
        header: t("list.close"),
        cell: ({ row }) => {
          const c = row.original;
          if (!c.expectedCloseDate) return "—";
          return (
            <span className={c.overdue ? "font-semibold text-amber-900" : undefined}>
              {fmt.dateFull(c.expectedCloseDate)}
              {c.overdue ? (
                <span className="block w-fit rounded bg-amber-100 px-1 text-xs">{t("overdue.badge")}</span>
              ) : null}
            </span>
          );
        },
        meta: { sortKey: "close", cellClassName: "whitespace-nowrap" },
      }),
      column.display({
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

  return (
    <DataTable
      data={cards}
      columns={columns}
      getRowId={(row) => row.id}
      labels={{
        caption: t("list.caption"),
        sortedAscending: t("list.sortedAscending"),
        sortedDescending: t("list.sortedDescending"),
      }}
      sort={sort}
      sortHrefs={sortHrefs}
      empty={t("list.empty")}
    />
  );
}
