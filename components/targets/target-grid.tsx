import Link from "next/link";
import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { TargetGridRow } from "@/lib/data/targets/targets";
import {
  isMoneyMetric,
  quarterTotals,
  subjectKey,
  yearTotal,
  type Months,
  type TargetMetric,
} from "@/lib/domain/targets";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { figureFormat, monthNames } from "./format";

/** Year, Q1–Q4 and the twelve months of a set, in that order (the grid's columns). */
const columnsOf = (months: Months) => [yearTotal(months), ...quarterTotals(months), ...months];

/**
 * (Row links do not prefetch: an organisation's grid has two per person, each a dynamic page.)
 *
 * The targets grid: one row per team and person, the name column kept in view while the figures
 * scroll sideways inside the table's own box (phones). A team row shows its own figure and, under
 * it, the sum of its children; cells where the two disagree are flagged.
 */
export async function TargetGrid({
  rows,
  year,
  metric,
}: {
  rows: TargetGridRow[];
  year: number;
  metric: TargetMetric;
}) {
  const [t, locale] = await Promise.all([getTranslations("targets"), getLocale()]);
  const fmt = figureFormat(locale, isMoneyMetric(metric));
  const heads = [
    t("grid.yearTotal"),
    ...[1, 2, 3, 4].map((q) => t("grid.quarter", { quarter: q })),
    ...monthNames(locale),
  ];
  // A KAM or rep sees their own row only: no team, no sum of children.
  const teams = rows.some((r) => r.kind === "team");
  const href = (r: TargetGridRow) =>
    `/targets/detail?subject=${encodeURIComponent(subjectKey(r.kind, r.id))}&year=${year}&metric=${metric}`;
  return (
    <>
      <p className="px-4 pt-3 text-xs text-slate-600 sm:hidden">{t("grid.scrollHint")}</p>
      <Table caption={t("grid.caption", { year, metric: t(`metrics.${metric}`) })} className="tabular-nums">
        <thead className="bg-slate-50">
          <tr>
            <Th className="sticky left-0 z-10 bg-slate-50">{t("grid.name")}</Th>
            {heads.map((h, i) => (
              <Fragment key={h}>
                <Th className={cn("text-right", i < 5 && "bg-slate-100")}>{h}</Th>
                {i === 0 && teams ? <Th>{t("grid.childrenSum")}</Th> : null}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => {
            const own = r.own ? columnsOf(r.own) : null;
            const children = r.children ? columnsOf(r.children) : null;
            // Right after the year total, so a phone shows name, year and the check without scrolling.
            const check = teams ? (
              <Td data-cell="children">
                {r.kind === "team" && r.children ? (
                  r.difference !== null ? (
                    <Badge tone="warn">{t("grid.differs", { difference: fmt(r.difference) })}</Badge>
                  ) : r.own ? (
                    <Badge tone="good">{t("grid.agrees")}</Badge>
                  ) : null
                ) : null}
              </Td>
            ) : null;
            return (
              <tr
                key={`${r.kind}:${r.id}`}
                data-subject={subjectKey(r.kind, r.id)}
                className={r.kind === "team" ? "bg-indigo-50/40" : undefined}
              >
                <Th
                  scope="row"
                  className={cn(
                    "sticky left-0 z-10 max-w-48 whitespace-normal bg-white",
                    r.kind === "team" && "bg-indigo-50",
                  )}
                >
                  <span style={{ paddingInlineStart: `${r.depth * 0.75}rem` }} className="block">
                    <Link
                      href={href(r)}
                      prefetch={false}
                      className="text-indigo-700 underline-offset-2 hover:underline"
                    >
                      {r.name}
                    </Link>
                    {r.kind === "team" ? (
                      <span className="ml-1 text-xs text-slate-600">· {t("grid.team")}</span>
                    ) : null}
                    <span className="block text-xs font-normal">
                      <Link
                        href={href(r)}
                        prefetch={false}
                        className="text-slate-600 underline underline-offset-2"
                      >
                        {r.canEdit ? t("grid.edit") : t("grid.view")}
                      </Link>
                    </span>
                  </span>
                </Th>
                {heads.map((h, i) => {
                  const mine = own?.[i];
                  const sum = children?.[i];
                  const differs = mine !== undefined && sum !== undefined && mine !== sum;
                  return (
                    <Fragment key={h}>
                      <Td
                        className={cn(
                          "whitespace-nowrap text-right",
                          i < 5 && "bg-slate-50/60 font-medium",
                          differs && "bg-amber-50",
                        )}
                      >
                        <span data-cell={i === 0 ? "own-year" : undefined}>
                          {mine !== undefined ? (
                            fmt(mine)
                          ) : (
                            <span className="text-slate-500">{t("grid.notSet")}</span>
                          )}
                        </span>
                        {r.kind === "team" && sum !== undefined ? (
                          <span
                            className="block text-xs font-normal text-slate-600"
                            data-cell={i === 0 ? "children-year" : undefined}
                          >
                            <span className="sr-only">{t("grid.childrenSum")}: </span>Σ {fmt(sum)}
                          </span>
                        ) : null}
                      </Td>
                      {i === 0 ? check : null}
                    </Fragment>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
