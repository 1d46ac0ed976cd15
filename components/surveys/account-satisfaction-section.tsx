import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { accountSatisfaction } from "@/lib/data/surveys/results";
import { buttonClass } from "@/components/ui/button";
import { PageSection } from "@/components/ui/page-section";
import { SurveyFigureTiles } from "./figures";
import { RecentSurveys } from "./recent-surveys";

/**
 * The account page's satisfaction (满意度): the last year's response rate, CSAT and NPS, the latest
 * scores, what the customer said, the recent surveys (open links at a glance) and "Send a survey".
 */
export async function AccountSatisfactionSection({
  viewer,
  account,
}: {
  viewer: Viewer;
  account: { id: string; deletedAt: Date | null };
}) {
  const [t, format, s] = await Promise.all([
    getTranslations("surveys"),
    getFormatter(),
    accountSatisfaction(viewer, account.id),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const openSurveys = s.surveys.filter((x) => x.status === "OPEN");
  return (
    <PageSection
      id="satisfaction"
      title={t("account.title")}
      description={t("account.description", {
        csat: s.latestCsat ?? "—",
        nps: s.latestNps ?? "—",
      })}
      collapsible
      open={openSurveys.length > 0}
    >
      <SurveyFigureTiles figures={s.figures} />
      {s.canSend && !account.deletedAt ? (
        <Link
          href={`/surveys/new?account=${encodeURIComponent(account.id)}`}
          className={buttonClass("primary", "sm")}
        >
          {t("account.send")}
        </Link>
      ) : null}
      {s.verbatims.length ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{t("account.verbatims")}</h3>
          <ul className="space-y-2">
            {s.verbatims.map((v) => (
              <li key={v.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="whitespace-pre-line text-slate-800">{v.verbatim}</p>
                <p className="mt-1 text-xs text-slate-600">
                  {v.invitation.contact?.name} · {when(v.submittedAt)}
                  {v.csat != null ? ` · CSAT ${v.csat}` : ""}
                  {v.nps != null ? ` · NPS ${v.nps}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("account.recent")}</h3>
        <RecentSurveys surveys={s.surveys} locale={viewer.locale} empty={t("account.none")} />
      </div>
    </PageSection>
  );
}
