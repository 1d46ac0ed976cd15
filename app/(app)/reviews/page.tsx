import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { periodKey } from "@/lib/domain/kpi-period";
import { lastCompleteQuarter } from "@/lib/domain/scorecard";
import { listOwnerOptions } from "@/lib/data/people";
import { listMyReviews, listTeamReviews } from "@/lib/data/reviews/reviews";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { openReviewAction, restoreReviewAction } from "./actions";
import { openReviewLabels } from "./_components/open-review-labels";
import { OpenReviewForm } from "./_components/open-review-form";
import { periodOptions } from "./_components/periods";
import { ReviewList } from "./_components/review-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews");
  return { title: t("title") };
}

/**
 * 绩效考核: my reviews (as the person reviewed) and, for managers, their people's reviews by period
 * and person — one person's history with `?person=`, deleted ones with `?deleted=1` — and the form
 * that opens a new one.
 */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const sp = firstValues(await searchParams);
  const manages = hasCapability(viewer, "reviews.write");
  const deleted = manages && sp.deleted === "1";
  const today = chinaDate(new Date());
  const [mine, team, people, t, tp, to] = await Promise.all([
    listMyReviews(viewer),
    manages ? listTeamReviews(viewer, { person: sp.person || null, deleted }) : Promise.resolve([]),
    manages ? listOwnerOptions(viewer) : Promise.resolve([]),
    getTranslations("reviews"),
    getTranslations("reviews.period"),
    getTranslations("reviews.open"),
  ]);
  const person = sp.person ? people.find((p) => p.id === sp.person) : undefined;

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/reviews/scorecard" className={buttonClass("secondary")}>
            {t("scorecard.title")}
          </Link>
        }
      />

      {manages ? (
        <PageSection
          id="team-reviews"
          title={
            deleted
              ? t("list.deletedTitle")
              : person
                ? t("list.personTitle", { name: person.name })
                : t("list.teamTitle")
          }
        >
          <div className="flex flex-wrap gap-2">
            {person || deleted ? (
              <Link href="/reviews" className={buttonClass("secondary", "sm")}>
                {t("list.allTeam")}
              </Link>
            ) : null}
            {deleted ? null : (
              <Link href="/reviews?deleted=1" className={buttonClass("secondary", "sm")}>
                {t("list.showDeleted")}
              </Link>
            )}
          </div>
          <Card>
            {team.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-600">{t("list.teamEmpty")}</p>
            ) : (
              <ReviewList
                rows={team}
                caption={t("list.teamTitle")}
                showSubject
                restore={deleted ? restoreReviewAction : undefined}
              />
            )}
          </Card>
          {deleted ? null : (
            <Card className="p-4">
              <h3 className="mb-3 text-lg font-semibold text-slate-900">{to("title")}</h3>
              <OpenReviewForm
                action={openReviewAction}
                people={people.filter((p) => p.id !== viewer.id).map((p) => ({ value: p.id, label: p.name }))}
                periods={periodOptions(tp, today)}
                defaultPeriod={periodKey(lastCompleteQuarter(today))}
                labels={openReviewLabels(to)}
              />
            </Card>
          )}
        </PageSection>
      ) : null}

      <PageSection id="my-reviews" title={t("list.mineTitle")}>
        <Card>
          {mine.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">{t("list.mineEmpty")}</p>
          ) : (
            <ReviewList rows={mine} caption={t("list.mineTitle")} showSubject={false} />
          )}
        </Card>
      </PageSection>
    </div>
  );
}
