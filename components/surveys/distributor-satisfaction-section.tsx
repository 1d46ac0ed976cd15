import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { distributorSatisfaction } from "@/lib/data/surveys/distributor-results";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageSection } from "@/components/ui/page-section";
import { SurveyFigureTiles } from "./figures";

/**
 * 渠道满意度 on a distributor's page: the last year's response rate, CSAT and NPS, its recent
 * surveys and, for those who keep the distributor, "Send a survey" (the account survey's form).
 */
export async function DistributorSatisfactionSection({
  viewer,
  distributorId,
}: {
  viewer: Viewer;
  distributorId: string;
}) {
  const [t, format, s] = await Promise.all([
    getTranslations("surveys"),
    getFormatter(),
    distributorSatisfaction(viewer, distributorId),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <PageSection
      id="satisfaction"
      title={t("distributor.title")}
      description={t("distributor.description")}
      collapsible
      open={s.surveys.some((x) => x.status === "OPEN")}
    >
      <SurveyFigureTiles figures={s.figures} />
      {s.canSend ? (
        <Link
          href={`/surveys/new?distributor=${encodeURIComponent(distributorId)}`}
          className={buttonClass("primary", "sm")}
        >
          {t("distributor.send")}
        </Link>
      ) : null}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("distributor.recent")}</h3>
        {s.surveys.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {s.surveys.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center gap-2 p-3 text-sm">
                <Link
                  href={`/surveys/${encodeURIComponent(x.id)}`}
                  className="font-medium text-indigo-700 underline"
                >
                  {viewer.locale === "en" ? x.templateVersion.titleEn : x.templateVersion.titleZh}
                </Link>
                <span className="text-slate-600">{when(x.createdAt)}</span>
                <Badge tone={x.status === "OPEN" ? "info" : "neutral"}>
                  {x.status === "OPEN"
                    ? t("account.openLinks", { waiting: x._count.invitations - x._count.responses })
                    : t("status.CLOSED")}
                </Badge>
                <span className="text-slate-700">
                  {t("figures.answersOf", { responded: x._count.responses, sent: x._count.invitations })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("distributor.none")}</p>
        )}
      </div>
    </PageSection>
  );
}
