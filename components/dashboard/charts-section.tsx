import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { Dashboard } from "@/lib/data/kpi/dashboard";
import { daysInMonth } from "@/lib/domain/calendar";
import { paretoCurve, paretoShare, ratio, stageConversion } from "@/lib/domain/kpi";
import { elapsedShare, monthPeriod } from "@/lib/domain/kpi-period";
import { DEAL_STAGES } from "@/lib/domain/pipeline";
import { LazyParetoChart, LazyProgressChart } from "./charts-lazy";
import type { DashboardFormat } from "./format";
import type { DashboardLinks } from "./links";
import { monthLabeller } from "./period-label";
import { drillHref, type ScopeParams } from "@/lib/domain/kpi-drill";

const CARD = "min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
const TABLE_SUMMARY =
  "mt-3 cursor-pointer text-sm font-medium text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600";

/** A horizontal bar for the HTML charts (tiers, conversion): its width is the share of the largest. */
function Bar({ share, tone = "bg-indigo-600" }: { share: number; tone?: string }) {
  return (
    <span aria-hidden="true" className="block h-2.5 w-full rounded bg-slate-100">
      <span
        className={`block h-2.5 rounded ${tone}`}
        style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }}
      />
    </span>
  );
}

/**
 * Cumulative actuals at each month end (none for months not yet begun) against the pace lines:
 * the period's target × the share of the period passed at that month end.
 */
function progressRows(data: Dashboard, today: string) {
  let revenue = 0;
  let collections = 0;
  const out = [];
  for (const m of data.ledger.months) {
    revenue += m.revenue;
    collections += m.collections;
    const [y, mo] = m.month.split("-").map(Number) as [number, number];
    const monthEnd = `${m.month.slice(0, 8)}${String(daysInMonth(y, mo)).padStart(2, "0")}`;
    const share = elapsedShare(data.period, monthEnd < data.period.end ? monthEnd : data.period.end);
    out.push({
      month: m.month,
      revenue: m.revenue,
      collections: m.collections,
      cumRevenue: revenue,
      cumCollections: collections,
      started: (m.month < data.period.start ? data.period.start : m.month) <= today,
      revenuePace: data.targets.REVENUE === null ? null : data.targets.REVENUE * share,
      collectionsPace: data.targets.COLLECTIONS === null ? null : data.targets.COLLECTIONS * share,
    });
  }
  return out;
}

/** The charts: progress against pace, revenue by tier, the 80/20 curve, stage conversion. */
export async function ChartsSection({
  data,
  fmt,
  links,
  scope,
  locale,
  today,
}: {
  data: Dashboard;
  fmt: DashboardFormat;
  links: DashboardLinks;
  scope: ScopeParams;
  locale: string;
  today: string;
}) {
  const t = await getTranslations("dashboard");
  const monthName = monthLabeller(locale);
  const multiYear = data.period.start.slice(0, 4) !== data.period.end.slice(0, 4);

  const rows = progressRows(data, today).map((r) => {
    const [y, mo] = r.month.split("-").map(Number) as [number, number];
    return {
      ...r,
      label: monthName(r.month, multiYear),
      href: drillHref("/ledger", monthPeriod(y, mo), scope, { kind: "REVENUE" }),
    };
  });
  const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
  const points = [
    {
      label: "",
      revenue: 0,
      collections: 0,
      revenuePace: data.targets.REVENUE === null ? null : 0,
      collectionsPace: data.targets.COLLECTIONS === null ? null : 0,
    },
    ...rows.map((r) => ({
      label: r.label,
      revenue: r.started ? yuan(r.cumRevenue) : null,
      collections: r.started ? yuan(r.cumCollections) : null,
      revenuePace: yuan(r.revenuePace),
      collectionsPace: yuan(r.collectionsPace),
    })),
  ];

  const totalRevenue = data.ledger.tiers.reduce((s, x) => s + x.revenue, 0);
  const maxTier = Math.max(1, ...data.ledger.tiers.map((x) => x.revenue));
  const share80 = paretoShare(data.ledger.accountRevenue);
  const curve = paretoCurve(data.ledger.accountRevenue, 40);
  const reached = data.deals.cohort.reached;
  const conversion = stageConversion([...reached, data.deals.cohort.won]);
  const maxReached = Math.max(1, reached[0] ?? 0);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="chart-progress" className={`${CARD} lg:col-span-2`}>
        <h2 id="chart-progress" className="text-lg font-semibold text-slate-900">
          {t("charts.progress")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("charts.progressDescription")}</p>
        {/* overflow-hidden: the chart redraws after a resize, and must not widen the page meanwhile. */}
        <div className="mt-3 h-64 min-w-0 overflow-hidden" aria-hidden="true">
          <LazyProgressChart
            points={points}
            locale={locale}
            labels={{
              revenue: t("charts.cumulativeRevenue"),
              collections: t("charts.cumulativeCollections"),
              revenuePace: t("charts.revenuePace"),
              collectionsPace: t("charts.collectionsPace"),
            }}
          />
        </div>
        <details>
          <summary className={TABLE_SUMMARY}>{t("charts.tableView")}</summary>
          <Table caption={t("charts.progress")} className="mt-2">
            <thead>
              <tr>
                <Th>{t("charts.month")}</Th>
                <Th className="text-right">{t("charts.revenue")}</Th>
                <Th className="text-right">{t("charts.cumulativeRevenue")}</Th>
                <Th className="text-right">{t("charts.revenuePace")}</Th>
                <Th className="text-right">{t("charts.collections")}</Th>
                <Th className="text-right">{t("charts.cumulativeCollections")}</Th>
                <Th className="text-right">{t("charts.collectionsPace")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.month}>
                  <Td>
                    <Link href={r.href} className="text-indigo-700 underline-offset-2 hover:underline">
                      {monthName(r.month, true)}
                    </Link>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{fmt.moneyFull(r.revenue)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{fmt.moneyFull(r.cumRevenue)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {r.revenuePace === null ? t("none") : fmt.moneyFull(r.revenuePace)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {fmt.moneyFull(r.collections)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {fmt.moneyFull(r.cumCollections)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {r.collectionsPace === null ? t("none") : fmt.moneyFull(r.collectionsPace)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      </section>

      <section aria-labelledby="chart-tiers" className={CARD}>
        <h2 id="chart-tiers" className="text-lg font-semibold text-slate-900">
          {t("charts.tiers")}
        </h2>
        <ul className="mt-3 space-y-3">
          {data.ledger.tiers.map((x) => (
            <li key={x.tier}>
              <Link
                href={links.ledger({ kind: "REVENUE", tier: x.tier })}
                className="block rounded focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="flex flex-wrap justify-between gap-x-3 text-sm">
                  <span className="font-medium text-indigo-700">{t(`tiers.${x.tier}`)}</span>
                  <span className="tabular-nums text-slate-800">
                    {fmt.money(x.revenue)} · {fmt.percent(ratio(x.revenue, totalRevenue), t("none"))} ·{" "}
                    {t("charts.accounts")} {fmt.number(x.accounts)}
                  </span>
                </span>
                <Bar share={x.revenue / maxTier} />
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="chart-pareto" className={CARD}>
        <h2 id="chart-pareto" className="text-lg font-semibold text-slate-900">
          {t("charts.pareto")}
        </h2>
        {share80 === null ? (
          <p className="mt-2 text-sm text-slate-600">{t("charts.paretoNone")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {t("charts.paretoDescription", { share: fmt.percent(share80) })}
            </p>
            <div className="mt-3 h-56 min-w-0 overflow-hidden" aria-hidden="true">
              <LazyParetoChart
                points={curve}
                locale={locale}
                labels={{ accountShare: t("charts.accountShare"), revenueShare: t("charts.revenueShare") }}
              />
            </div>
            <details>
              <summary className={TABLE_SUMMARY}>{t("charts.tableView")}</summary>
              <Table caption={t("charts.pareto")} className="mt-2">
                <thead>
                  <tr>
                    <Th>{t("charts.accountShare")}</Th>
                    <Th className="text-right">{t("charts.revenueShare")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {curve.map((p) => (
                    <tr key={p.accountShare}>
                      <Td className="tabular-nums">{fmt.percent(p.accountShare)}</Td>
                      <Td className="text-right whitespace-nowrap tabular-nums">
                        {fmt.percent(p.revenueShare)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </details>
            <p className="mt-2 text-sm">
              <Link
                href={links.ledger({ kind: "REVENUE" })}
                className="text-indigo-700 underline-offset-2 hover:underline"
              >
                {t("figures.open")}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="chart-conversion" className={`${CARD} lg:col-span-2`}>
        <h2 id="chart-conversion" className="text-lg font-semibold text-slate-900">
          {t("charts.conversion")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("charts.conversionDescription", {
            created: data.deals.cohort.created,
            won: data.deals.cohort.won,
          })}
        </p>
        <Table caption={t("charts.conversion")} className="mt-3">
          <thead>
            <tr>
              <Th>{t("charts.stage")}</Th>
              <Th className="hidden w-1/3 sm:table-cell">
                <span className="sr-only">{t("charts.share")}</span>
              </Th>
              <Th className="text-right">{t("charts.reached")}</Th>
              <Th className="text-right">{t("charts.toNext")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...DEAL_STAGES, "WON" as const].map((stage, i) => {
              const n = stage === "WON" ? data.deals.cohort.won : reached[i]!;
              const href = stage === "WON" ? links.deals("won") : links.deals("cohort", stage);
              return (
                <tr key={stage}>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={href}
                      className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                    >
                      {stage === "WON" ? t("charts.won") : t(`stages.${stage}`)}
                    </Link>
                  </Td>
                  <Td className="hidden min-w-24 align-middle sm:table-cell">
                    <Bar share={n / maxReached} tone={stage === "WON" ? "bg-emerald-600" : "bg-indigo-600"} />
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{fmt.number(n)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {stage === "WON" ? "" : fmt.percent(conversion[i] ?? null, t("none"))}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
