import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { HEALTH_BANDS, HEALTH_FACTORS } from "@/lib/domain/health";
import { accountHealth } from "@/lib/data/health/at-risk";
import { TIME_ZONE } from "@/lib/i18n/config";
import { PageSection } from "@/components/ui/page-section";
import { HealthBadge } from "./health-badge";
import { factorExplanation } from "./factor-text";
import { LazyHealthHistoryChart } from "./health-history-lazy";

/**
 * 客户健康度 on the account page: the score and band, each factor's points out of its maximum with
 * the reason in words, and the history (a chart, and the same figures as a table on request).
 */
export async function AccountHealthPanel({ viewer, accountId }: { viewer: Viewer; accountId: string }) {
  const [t, format, health] = await Promise.all([
    getTranslations("health"),
    getFormatter(),
    accountHealth(viewer, accountId),
  ]);
  const one = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  return (
    <PageSection
      id="health"
      title={t("panel.title")}
      description={t("panel.description")}
      collapsible
      open={health !== null && health.band !== "HEALTHY"}
    >
      {health === null ? (
        <p className="text-sm text-slate-600">{t("panel.notComputed")}</p>
      ) : (
        <div className="space-y-4" data-testid="health-panel">
          <div className="flex flex-wrap items-baseline gap-3">
            <p className="text-3xl font-semibold text-slate-900">
              <span className="sr-only">{t("panel.score")}: </span>
              {one(health.score)}
            </p>
            <HealthBadge band={health.band} label={t(`bands.${health.band}`)} />
            {health.computedAt ? (
              <p className="text-xs text-slate-600">
                {t("panel.computedAt", {
                  when: format.dateTime(health.computedAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: TIME_ZONE,
                  }),
                })}
              </p>
            ) : null}
          </div>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
            {health.factors.map((f) => (
              <li
                key={f.factor}
                className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:gap-4"
              >
                <span className="w-36 shrink-0 text-sm font-medium text-slate-900">
                  {t(`factors.${f.factor}`)}
                </span>
                <span className="flex flex-1 items-center gap-2">
                  <span className="h-2 w-24 shrink-0 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                    <span
                      className="block h-full bg-indigo-600"
                      style={{ width: `${f.max > 0 ? Math.round((f.points / f.max) * 100) : 0}%` }}
                    />
                  </span>
                  <span className="text-sm tabular-nums text-slate-800">
                    {t("panel.points", { points: one(f.points), max: one(f.max) })}
                  </span>
                </span>
                <span className="text-sm text-slate-700 sm:flex-[2]">{factorExplanation(t, f)}</span>
              </li>
            ))}
          </ul>
          {health.factors.length < HEALTH_FACTORS.length ? (
            <p className="text-sm text-slate-600">
              {t("panel.notMeasured", {
                factors: HEALTH_FACTORS.filter((f) => !health.factors.some((m) => m.factor === f))
                  .map((f) => t(`factors.${f}`))
                  .join(viewer.locale === "zh-CN" ? "、" : ", "),
              })}
            </p>
          ) : null}
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t("panel.history")}</h3>
            {health.history.length < 2 ? (
              <p className="text-sm text-slate-600">{t("panel.historyEmpty")}</p>
            ) : (
              <>
                <div className="mt-2 h-56 w-full" aria-hidden="true">
                  <LazyHealthHistoryChart
                    points={health.history.map((h) => ({
                      label: h.day.slice(5).replace("-", "/"),
                      score: h.score,
                    }))}
                    edges={{ healthy: HEALTH_BANDS.healthyAtLeast, watch: HEALTH_BANDS.watchAtLeast }}
                    labels={{
                      score: t("panel.score"),
                      healthy: t("bands.HEALTHY"),
                      watch: t("bands.WATCH"),
                    }}
                  />
                </div>
                <details className="mt-2">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-indigo-800 sm:min-h-0">
                    {t("panel.showTable")}
                  </summary>
                  <div className="mt-2 max-w-full overflow-x-auto">
                    <table className="text-sm">
                      <caption className="sr-only">{t("panel.tableCaption")}</caption>
                      <thead>
                        <tr className="text-left text-slate-700">
                          <th scope="col" className="pr-6 font-medium">
                            {t("panel.date")}
                          </th>
                          <th scope="col" className="pr-6 font-medium">
                            {t("panel.score")}
                          </th>
                          <th scope="col" className="font-medium">
                            {t("panel.band")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {health.history.map((h, i) => (
                          <tr key={`${h.day}-${i}`}>
                            <td className="pr-6 tabular-nums">{h.day}</td>
                            <td className="pr-6 tabular-nums">{one(h.score)}</td>
                            <td>{t(`bands.${h.band}`)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </>
            )}
          </div>
        </div>
      )}
    </PageSection>
  );
}
