import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { loadScorecardSection } from "@/lib/data/distributor-scorecards/section";
import type { Viewer } from "@/lib/domain/access";
import { SCORECARD_FACTORS } from "@/lib/domain/distributor-scorecard";
import { pointsText, RECOMMENDATION_TONE } from "./format";

/**
 * A section of the distributor page (/distributors/[distributorId]): selection evaluations and quarterly scorecards.
 * The page has checked the viewer may see the distributor.
 */
export async function DistributorScorecardSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [data, locale, t] = await Promise.all([
    loadScorecardSection(viewer, distributorId),
    getLocale(),
    getTranslations("distributorScorecards"),
  ]);
  const { latest, trend, selection } = data;
  const pts = (v: number | null) => pointsText(v, locale);
  const max = 100;
  return (
    <Card aria-labelledby="distributor-scorecards">
      <CardHeader id="distributor-scorecards" title={t("section.title")} />
      <div className="space-y-4 p-4 text-sm">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
          <span>
            {selection
              ? t("section.selection", {
                  score: selection.total,
                  date: new Intl.DateTimeFormat(locale, {
                    dateStyle: "medium",
                    timeZone: "Asia/Shanghai",
                  }).format(selection.at),
                })
              : t("section.noSelection")}
          </span>
          <Link
            href={`/distributors/${distributorId}/evaluation`}
            className="font-medium text-indigo-800 hover:underline"
          >
            {t("section.evaluate")}
          </Link>
        </p>
        {!latest ? (
          <p className="text-slate-600">{t("section.none")}</p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium">{t("section.latest", { period: latest.periodKey })}</span>
              <span className="text-2xl font-semibold tabular-nums">{pts(latest.total)}</span>
              {latest.recommendation ? (
                <Badge tone={RECOMMENDATION_TONE[latest.recommendation]}>
                  {t(`recommendation.${latest.recommendation}`)}
                </Badge>
              ) : null}
              <Link
                href={`/distributor-scorecards/${latest.id}`}
                className="font-medium text-indigo-800 hover:underline"
              >
                {t("section.open")}
              </Link>
            </div>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {SCORECARD_FACTORS.map((f) => (
                <div key={f} className="rounded border border-slate-200 p-2">
                  <dt className="text-xs text-slate-600">{t(`factors.${f}`)}</dt>
                  <dd className="font-semibold tabular-nums">
                    {pointsText(latest.factors[f].points, locale, t("detail.notMeasured"))}
                  </dd>
                </div>
              ))}
            </dl>
            <div>
              <p className="mb-1 font-medium">{t("section.trend")}</p>
              <ol className="flex items-end gap-2" aria-label={t("section.trend")}>
                {trend.map((c) => (
                  <li key={c.id} className="flex min-w-0 flex-1 flex-col items-center gap-1">
                    <span className="text-xs tabular-nums">{pts(c.total)}</span>
                    <span
                      aria-hidden="true"
                      className="w-full max-w-10 rounded-t bg-indigo-500"
                      style={{ height: `${Math.max(2, ((c.total ?? 0) / max) * 64)}px` }}
                    />
                    <Link
                      href={`/distributor-scorecards/${c.id}`}
                      className="text-[11px] text-slate-600 hover:underline"
                    >
                      {c.periodKey}
                    </Link>
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
