import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { moneyFormat } from "@/lib/domain/money";
import { accountLedgerTrend } from "@/lib/data/ledger/trend";
import { PageSection } from "@/components/ui/page-section";
import { LazyRevenueTrendChart } from "./revenue-trend-lazy";

/**
 * 收入趋势: the account's last 24 months of revenue and collections from the sales ledger — a
 * chart for sighted readers and the same figures as a table for screen readers — with a link to
 * the ledger lines behind them.
 */
export async function AccountRevenueTrend({ viewer, accountId }: { viewer: Viewer; accountId: string }) {
  const [t, points] = await Promise.all([
    getTranslations("ledger.trend"),
    accountLedgerTrend(viewer, accountId),
  ]);
  const money = moneyFormat(viewer.locale);
  const yuan = (v: number) => money.compact(v);
  const any = points.some((p) => p.revenue !== 0 || p.collections !== 0);
  const total = (key: "revenue" | "collections") => points.slice(-12).reduce((s, p) => s + p[key], 0);
  return (
    <PageSection id="revenue" title={t("title")} description={t("description")} collapsible open={any}>
      {any ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            {t("last12", { revenue: yuan(total("revenue")), collections: yuan(total("collections")) })}
          </p>
          <div className="h-64 w-full" aria-hidden="true" data-testid="revenue-trend-chart">
            <LazyRevenueTrendChart
              points={points.map((p) => ({ label: p.month.slice(2).replace("-", "/"), ...p }))}
              labels={{ revenue: t("revenue"), collections: t("collections") }}
              locale={viewer.locale}
            />
          </div>
          <div className="sr-only">
            <table>
              <caption>{t("tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("month")}</th>
                  <th scope="col">{t("revenue")}</th>
                  <th scope="col">{t("collections")}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.month}>
                    <td>{p.month}</td>
                    <td>{yuan(p.revenue)}</td>
                    <td>{yuan(p.collections)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      <p className="mt-3">
        <Link
          href={`/ledger?account=${encodeURIComponent(accountId)}`}
          prefetch={false}
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          {t("openLedger")}
        </Link>
      </p>
    </PageSection>
  );
}
