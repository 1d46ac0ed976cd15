import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { distributorSatisfaction } from "@/lib/data/surveys/distributor-results";
import { buttonClass } from "@/components/ui/button";
import { PageSection } from "@/components/ui/page-section";
import { SurveyFigureTiles } from "./figures";
import { RecentSurveys } from "./recent-surveys";

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
  const [t, s] = await Promise.all([
    getTranslations("surveys"),
    distributorSatisfaction(viewer, distributorId),
  ]);
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
        <RecentSurveys surveys={s.surveys} locale={viewer.locale} empty={t("distributor.none")} />
      </div>
    </PageSection>
  );
}
