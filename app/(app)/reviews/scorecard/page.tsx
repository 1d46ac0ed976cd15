import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { canReview, hasCapability } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import { periodKey } from "@/lib/domain/kpi-period";
import { resolveKpiScope } from "@/lib/data/kpi/scope";
import { listOwnerOptions } from "@/lib/data/people";
import { loadScorecard, loadTeamScores } from "@/lib/data/reviews/scorecard";
import { teamLabel } from "@/lib/i18n/names";
import { firstValues, hrefWith, type RawSearchParams } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { openReviewAction } from "../actions";
import { openReviewLabels } from "../_components/open-review-labels";
import { OpenReviewForm } from "../_components/open-review-form";
import { PeriodPicker } from "../_components/period-picker";
import { periodFromUrl, periodOptions } from "../_components/periods";
import { ScorecardView } from "../_components/scorecard-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews.scorecard");
  return { title: t("title") };
}

const one = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/**
 * 考核表: a person's scorecard for a period (KAMs and reps: their own; managers: anyone in their
 * subtree), and for managers the team's weighted scores and ranks.
 */
export default async function ScorecardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const sp = firstValues(await searchParams);
  const today = chinaDate(new Date());
  const period = periodFromUrl(sp, today);
  const key = periodKey(period);
  const scope = await resolveKpiScope(viewer, { person: sp.person });
  const personId = scope.kind === "person" ? scope.userId : viewer.id;
  const manages = hasCapability(viewer, "kpi.team");
  const [card, team, people, t, tp, to] = await Promise.all([
    loadScorecard(viewer, personId, period, today),
    manages ? loadTeamScores(viewer, null, period, today) : Promise.resolve(null),
    manages ? listOwnerOptions(viewer) : Promise.resolve(null),
    getTranslations("reviews.scorecard"),
    getTranslations("reviews.period"),
    getTranslations("reviews.open"),
  ]);
  const periods = periodOptions(tp, today);
  const subject = people?.find((p) => p.id === personId);
  const mayReview = subject ? canReview(viewer, { id: subject.id, teamId: subject.teamId }) : false;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={card.person.name}
        actions={
          <Link href="/reviews" className={buttonClass("secondary")}>
            {t("toReviews")}
          </Link>
        }
      />
      <PeriodPicker
        action="/reviews/scorecard"
        periods={periods}
        period={key}
        people={
          people
            ? [
                ...(people.some((p) => p.id === viewer.id) ? [] : [{ value: viewer.id, label: viewer.name }]),
                ...people.map((p) => ({ value: p.id, label: p.name })),
              ]
            : undefined
        }
        person={personId}
        labels={{ period: t("period"), person: t("person"), apply: t("apply") }}
      />
      <ScorecardView card={card} locale={viewer.locale} />

      {mayReview ? (
        <Card className="p-4">
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{to("title")}</h2>
          <OpenReviewForm
            action={openReviewAction}
            subjectId={personId}
            periods={periods}
            defaultPeriod={key}
            labels={openReviewLabels(to)}
          />
        </Card>
      ) : null}

      {team ? (
        <PageSection id="team-scores" title={t("teamTitle")} description={t("teamHint")}>
          <Card>
            {team.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-600">{t("teamEmpty")}</p>
            ) : (
              <Table caption={t("teamTitle")} data-testid="team-scores">
                <thead className="bg-slate-50">
                  <tr>
                    <Th>{t("person")}</Th>
                    <Th>{t("team")}</Th>
                    <Th className="text-right">{t("weightedScore")}</Th>
                    <Th className="text-right">{t("rank")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {[...team]
                    .sort(
                      (a, b) =>
                        a.teamId.localeCompare(b.teamId) || (b.weightedScore ?? -1) - (a.weightedScore ?? -1),
                    )
                    .map((row) => (
                      <tr key={row.person.id}>
                        <Td className="whitespace-nowrap">
                          <Link
                            href={hrefWith("/reviews/scorecard", { person: row.person.id, period: key })}
                            className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                          >
                            {row.person.name}
                          </Link>
                          {row.person.jobTitle ? (
                            <span className="ml-2 text-xs text-slate-600">{row.person.jobTitle}</span>
                          ) : null}
                        </Td>
                        <Td className="whitespace-nowrap">{teamLabel(row.team, viewer.locale)}</Td>
                        <Td className="text-right tabular-nums">
                          {row.weightedScore === null ? t("notMeasured") : one(row.weightedScore)}
                        </Td>
                        <Td className="whitespace-nowrap text-right tabular-nums">
                          {row.rank === null ? "—" : t("rankOf", { rank: row.rank, peers: row.peers })}
                        </Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            )}
          </Card>
        </PageSection>
      ) : null}
    </div>
  );
}
