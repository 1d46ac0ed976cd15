import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { BudgetTeam } from "@/lib/data/targets/budgets";
import { budgetExecution } from "@/lib/domain/kpi";
import { addMonthly, BUDGET_CATEGORIES, emptyMonths, yearTotal, type Months } from "@/lib/domain/targets";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { figureFormat, monthNames } from "./format";

type Line = {
  key: string;
  teamId: string | null;
  teamName: string;
  depth: number;
  canEdit: boolean;
  category: (typeof BUDGET_CATEGORIES)[number];
  budget: Months | null;
  spent: Months;
};

/**
 * 费用预算: teams × categories, each with the year's budget, spent and 费用预算执行率, then the twelve
 * months (spent over budget). Lines over budget are flagged in words, not only in colour.
 */
export async function BudgetGrid({ teams, year }: { teams: BudgetTeam[]; year: number }) {
  const [t, locale] = await Promise.all([getTranslations("budgets"), getLocale()]);
  const fmt = figureFormat(locale, true);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const months = monthNames(locale);
  const lines: Line[] = teams.flatMap((team) =>
    team.lines.map((l) => ({
      key: `${team.id}/${l.category}`,
      teamId: team.id,
      teamName: team.name,
      depth: team.depth,
      canEdit: team.canEdit,
      ...l,
    })),
  );
  // The viewer's teams together, per category.
  if (teams.length > 1) {
    for (const category of BUDGET_CATEGORIES) {
      const mine = lines.filter((l) => l.category === category);
      const budgets = mine.filter((l) => l.budget);
      lines.push({
        key: `all/${category}`,
        teamId: null,
        teamName: t("grid.total"),
        depth: 0,
        canEdit: false,
        category,
        budget: budgets.length ? budgets.map((l) => l.budget!).reduce(addMonthly, emptyMonths()) : null,
        spent: mine.map((l) => l.spent).reduce(addMonthly, emptyMonths()),
      });
    }
  }
  const href = (l: Line) =>
    `/budgets/detail?team=${encodeURIComponent(l.teamId!)}&year=${year}&category=${l.category}`;
  return (
    <>
      <p className="px-4 pt-3 text-xs text-slate-600 sm:hidden">{t("grid.scrollHint")}</p>
      <Table caption={t("grid.caption", { year })} className="tabular-nums">
        <thead className="bg-slate-50">
          <tr>
            <Th className="sticky left-0 z-10 bg-slate-50">{t("grid.team")}</Th>
            <Th className="text-right">{t("grid.budget")}</Th>
            <Th className="text-right">{t("grid.spent")}</Th>
            <Th className="text-right">{t("grid.rate")}</Th>
            {months.map((m) => (
              <Th key={m} className="text-right">
                {m}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {lines.map((l) => {
            const budget = l.budget ? yearTotal(l.budget) : null;
            const spent = yearTotal(l.spent);
            const rate = budget === null ? null : budgetExecution(Number(spent), Number(budget));
            const over = budget !== null && spent > budget;
            return (
              <tr
                key={l.key}
                data-line={l.key}
                className={l.teamId === null ? "bg-slate-50 font-medium" : undefined}
              >
                <Th scope="row" className="sticky left-0 z-10 max-w-52 whitespace-normal bg-white">
                  <span style={{ paddingInlineStart: `${l.depth * 0.75}rem` }} className="block">
                    <span className="block text-xs font-normal text-slate-600">{l.teamName}</span>
                    {l.teamId ? (
                      <Link
                        href={href(l)}
                        prefetch={false}
                        className="text-indigo-700 underline-offset-2 hover:underline"
                      >
                        {t(`categories.${l.category}`)}
                        <span className="sr-only">
                          {" "}
                          · {l.teamName} · {l.canEdit ? t("grid.edit") : t("grid.view")}
                        </span>
                      </Link>
                    ) : (
                      t(`categories.${l.category}`)
                    )}
                  </span>
                </Th>
                <Td className="whitespace-nowrap text-right">
                  {budget === null ? (
                    <span className="text-slate-500">{t("grid.noBudget")}</span>
                  ) : (
                    fmt(budget)
                  )}
                </Td>
                <Td className="whitespace-nowrap text-right">{fmt(spent)}</Td>
                <Td className="whitespace-nowrap text-right" data-cell="rate">
                  {rate === null ? "—" : pct.format(rate)}
                  {over ? (
                    <span className="ml-1">
                      <Badge tone="bad">{t("grid.over")}</Badge>
                    </span>
                  ) : null}
                </Td>
                {months.map((m, i) => {
                  const b = l.budget?.[i];
                  const s = l.spent[i]!;
                  const monthOver = b !== undefined && s > b;
                  return (
                    <Td
                      key={m}
                      className={cn("whitespace-nowrap text-right", monthOver && "bg-red-50 text-red-900")}
                    >
                      <span className="sr-only">
                        {t("grid.monthCell", {
                          budget: b === undefined ? t("grid.noBudget") : fmt(b),
                          spent: fmt(s),
                        })}
                      </span>
                      <span aria-hidden="true">
                        {fmt(s)}
                        <span className="block text-xs text-slate-600">
                          / {b === undefined ? "—" : fmt(b)}
                        </span>
                      </span>
                    </Td>
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
