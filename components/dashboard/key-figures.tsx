import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/data/kpi/dashboard";
import type { PeriodTotals } from "@/lib/data/kpi/dashboard-compare";
import {
  achievement,
  budgetExecution,
  growth,
  pace,
  successRate,
  taskCompletion,
  visitsTimesSuccess,
  winRate,
} from "@/lib/domain/kpi";
import { FigureCard, type Comparison } from "./figure-card";
import type { DashboardFormat } from "./format";
import type { DashboardLinks } from "./links";

/**
 * The key figures (关键指标) as cards, each compared with the previous period (环比) and the same
 * period last year (同比), and each opening the records it counted.
 */
export async function KeyFigures({
  data,
  fmt,
  links,
}: {
  data: Dashboard;
  fmt: DashboardFormat;
  links: DashboardLinks;
}) {
  const t = await getTranslations("dashboard");
  const { current, previous, lastYear } = data.totals;
  const none = t("none");

  const currentTotals: PeriodTotals = { ...current, avgCycleDays: data.deals.closed.avgCycleDays };

  /** 环比 and 同比 of a figure; `format` shows the earlier value in the tooltip. */
  function compare(pick: (x: PeriodTotals) => number | null, format: (v: number) => string): Comparison[] {
    const now = pick(currentTotals);
    const rows: [string, PeriodTotals][] = [
      [t("compare.previous"), previous],
      [t("compare.lastYear"), lastYear],
    ];
    return rows.map(([label, then]) => {
      const before = pick(then);
      const g = now === null || before === null ? null : growth(now, before);
      return {
        label,
        delta: fmt.delta(g, none),
        tone: g === null || g === 0 ? "flat" : g > 0 ? "up" : "down",
        was: t("compare.was", { value: before === null ? none : format(before) }),
      };
    });
  }

  const money = (v: number) => fmt.money(v);
  const count = (v: number) => fmt.number(v);
  const pct = (v: number) => fmt.percent(v);

  function targetLines(actual: number, target: number | null) {
    if (target === null) return [t("noTarget")];
    const a = achievement(actual, target);
    const p = pace(actual, target, data.elapsed);
    const lines = [
      `${t("figures.target", { value: fmt.money(target) })} · ${t("figures.achievement", { value: fmt.percent(a, none) })}`,
    ];
    if (p && data.elapsed > 0 && data.elapsed < 1) {
      lines.push(
        t(p.behind ? "figures.paceBehind" : "figures.paceAhead", { value: fmt.percent(p.ratio, none) }),
      );
    }
    return lines;
  }

  const people = Math.max(1, data.people.length);
  const success = successRate(current.visitsAdvanced, current.visitsWithOutcome);
  const vxs = visitsTimesSuccess(current.visits, current.visitsAdvanced, current.visitsWithOutcome);
  const budgets = (["VISIT", "GIFT", "RECEPTION"] as const).map((c) => ({ category: c, ...data.budgets[c] }));
  const budgetTotal = budgets.reduce((s, b) => s + (b.budget ?? 0), 0);
  const spentAgainstBudget = budgets.reduce((s, b) => s + (b.budget === null ? 0 : b.spent), 0);
  const revenuePace = pace(current.revenue, data.targets.REVENUE, data.elapsed);

  return (
    <section aria-labelledby="key-figures" className="space-y-3">
      <h2 id="key-figures" className="text-lg font-semibold text-slate-900">
        {t("figures.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-3 xl:grid-cols-4">
        <FigureCard
          label={t("figures.revenue")}
          value={fmt.money(current.revenue)}
          href={links.ledger({ kind: "REVENUE" })}
          openLabel={t("figures.open")}
          details={targetLines(current.revenue, data.targets.REVENUE)}
          comparisons={compare((x) => x.revenue, money)}
          warn={revenuePace?.behind === true && data.elapsed < 1}
        />
        <FigureCard
          label={t("figures.collections")}
          value={fmt.money(current.collections)}
          href={links.ledger({ kind: "COLLECTION" })}
          openLabel={t("figures.open")}
          details={targetLines(current.collections, data.targets.COLLECTIONS)}
          comparisons={compare((x) => x.collections, money)}
        />
        <FigureCard
          label={t("figures.newAccounts")}
          value={fmt.number(current.newAccounts)}
          href={links.accounts("newCustomers")}
          openLabel={t("figures.open")}
          details={
            data.targets.NEW_ACCOUNTS === null
              ? []
              : [
                  `${t("figures.target", { value: fmt.number(data.targets.NEW_ACCOUNTS) })} · ${t("figures.achievement", { value: fmt.percent(achievement(current.newAccounts, data.targets.NEW_ACCOUNTS), none) })}`,
                ]
          }
          comparisons={compare((x) => x.newAccounts, count)}
        />
        <FigureCard
          label={t("figures.weighted")}
          value={fmt.money(data.deals.open.weighted)}
          href={links.deals("open")}
          openLabel={t("figures.open")}
          details={[
            t("figures.weightedDetail", {
              count: data.deals.open.count,
              value: fmt.money(data.deals.open.value),
            }),
          ]}
        />
        <FigureCard
          label={t("figures.winRate")}
          value={fmt.percent(winRate(data.deals.closed.won, data.deals.closed.closed), none)}
          href={links.deals("closed")}
          openLabel={t("figures.open")}
          details={[
            t("figures.winRateDetail", { won: data.deals.closed.won, closed: data.deals.closed.closed }),
          ]}
          comparisons={compare((x) => winRate(x.dealsWon, x.dealsClosed), pct)}
        />
        <FigureCard
          label={t("figures.cycle")}
          value={
            data.deals.closed.avgCycleDays === null
              ? none
              : t("figures.cycleValue", { days: Math.round(data.deals.closed.avgCycleDays) })
          }
          href={links.deals("cycle")}
          openLabel={t("figures.open")}
          details={[t("figures.cycleDetail")]}
          comparisons={compare(
            (x) => x.avgCycleDays,
            (v) => t("figures.cycleValue", { days: Math.round(v) }),
          )}
        />
        <FigureCard
          label={t("figures.visits")}
          value={fmt.number(current.visits)}
          href={links.visits("all")}
          openLabel={t("figures.open")}
          details={[
            t("figures.visitsPerPerson", { value: fmt.number(current.visits / people) }),
            ...(data.targets.VISITS === null
              ? []
              : [
                  `${t("figures.target", { value: fmt.number(data.targets.VISITS) })} · ${t("figures.achievement", { value: fmt.percent(achievement(current.visits, data.targets.VISITS), none) })}`,
                ]),
          ]}
          comparisons={compare((x) => x.visits, count)}
        />
        <FigureCard
          label={t("figures.successRate")}
          value={fmt.percent(success, none)}
          href={links.visits("advanced")}
          openLabel={t("figures.open")}
          details={[
            t("figures.successDetail", {
              advanced: current.visitsAdvanced,
              withOutcome: current.visitsWithOutcome,
            }),
          ]}
          comparisons={compare((x) => successRate(x.visitsAdvanced, x.visitsWithOutcome), pct)}
        />
        <FigureCard
          label={t("figures.visitsTimesSuccess")}
          value={fmt.number(vxs === null ? null : Math.round(vxs * 10) / 10, none)}
          href={links.visits("withOutcome")}
          openLabel={t("figures.open")}
          details={[t("figures.visitsTimesSuccessDetail")]}
          comparisons={compare(
            (x) => visitsTimesSuccess(x.visits, x.visitsAdvanced, x.visitsWithOutcome),
            (v) => fmt.number(v),
          )}
        />
        <FigureCard
          label={t("figures.overdue")}
          value={fmt.number(current.accountsOverdue)}
          href={links.accounts("overdue")}
          openLabel={t("figures.open")}
          details={[t("figures.overdueDetail", { count: current.accounts })]}
          warn={current.accountsOverdue > 0}
        />
        <FigureCard
          label={t("figures.followUps")}
          value={fmt.percent(taskCompletion(current.followUpsOnTime, current.followUpsDue), none)}
          openLabel={t("figures.open")}
          details={[
            t("figures.followUpsDetail", { onTime: current.followUpsOnTime, due: current.followUpsDue }),
          ]}
          comparisons={compare((x) => taskCompletion(x.followUpsOnTime, x.followUpsDue), pct)}
        />
        <FigureCard
          label={t("figures.budget")}
          value={fmt.percent(budgetExecution(spentAgainstBudget, budgetTotal), none)}
          openLabel={t("figures.open")}
          details={budgets.map((b) =>
            b.budget === null
              ? t("figures.budgetNone", {
                  category: t(`categories.${b.category}`),
                  spent: fmt.money(b.spent),
                })
              : t("figures.budgetLine", {
                  category: t(`categories.${b.category}`),
                  spent: fmt.money(b.spent),
                  budget: fmt.money(b.budget),
                }),
          )}
        />
      </dl>
    </section>
  );
}
