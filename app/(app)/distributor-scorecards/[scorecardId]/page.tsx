import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { fenText, pointsText, RECOMMENDATION_TONE } from "@/components/distributor-scorecards/format";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getScorecard, type ScorecardDetail } from "@/lib/data/distributor-scorecards/list";
import { RECOMMENDATIONS, SCORECARD_FACTORS, type ScorecardFactor } from "@/lib/domain/distributor-scorecard";
import { isAppError } from "@/lib/errors";
import { reviewScorecardAction } from "../actions";

async function load(id: string): Promise<ScorecardDetail> {
  const viewer = await requireViewer();
  try {
    return await getScorecard(viewer, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ scorecardId: string }>;
}): Promise<Metadata> {
  const s = await load((await params).scorecardId);
  const t = await getTranslations("distributorScorecards");
  return { title: t("detail.title", { name: s.distributorName, period: s.periodKey }) };
}

/** One quarter's scorecard: each factor's points, weight and workings, the recommendation, the review. */
export default async function ScorecardPage({ params }: { params: Promise<{ scorecardId: string }> }) {
  const s = await load((await params).scorecardId);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("distributorScorecards")]);
  const f = s.factors;
  const none = t("detail.notMeasured");
  const pts = (v: number | null) => pointsText(v, locale, none);
  const date = (d: Date | string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(
      typeof d === "string" ? new Date(`${d}T00:00:00+08:00`) : d,
    );
  const rec = (r: string | null | undefined) => (r ? t(`recommendation.${r}`) : t("recommendation.none"));
  const money = (v: string | null) => fenText(v, locale, true);

  const workings: Record<ScorecardFactor, string> = {
    achievement:
      f.achievement.target === null
        ? t("detail.noTarget")
        : t("detail.achievement", {
            sellIn: money(f.achievement.sellIn),
            target: money(f.achievement.target),
          }),
    growth:
      f.growth.lastYear === null
        ? t("detail.noLastYear")
        : t("detail.growth", { sellIn: money(f.growth.sellIn), lastYear: money(f.growth.lastYear) }),
    paymentTimeliness:
      f.paymentTimeliness.due === 0
        ? t("detail.noInvoices")
        : [
            t("detail.payment", { onTime: f.paymentTimeliness.onTime, due: f.paymentTimeliness.due }),
            f.paymentTimeliness.averageDaysLate === null
              ? null
              : t("detail.paymentLate", { days: f.paymentTimeliness.averageDaysLate }),
          ]
            .filter(Boolean)
            .join("; "),
    conflicts:
      f.conflicts.points === null
        ? t("detail.noActivity")
        : t("detail.conflicts", {
            open: f.conflicts.open,
            outcomes: f.conflicts.outcomes.length ? f.conflicts.outcomes.join(", ") : "—",
          }),
    inventory:
      f.inventory.months !== null
        ? t("detail.inventory", { months: f.inventory.months, healthy: f.inventory.healthyMonths })
        : f.inventory.points === 0
          ? t("detail.inventoryStuck", { stock: money(f.inventory.stock) })
          : t("detail.noStock"),
    satisfaction:
      f.satisfaction.points === null
        ? t("detail.noSatisfaction")
        : f.satisfaction.answers === undefined
          ? t("detail.satisfactionRecorded")
          : t("detail.satisfaction", {
              answers: f.satisfaction.answers,
              csat: f.satisfaction.csat == null ? "—" : `${f.satisfaction.csat}%`,
              nps: f.satisfaction.nps ?? "—",
            }),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("detail.title", { name: s.distributorName, period: s.periodKey })}
        description={`${s.distributorCode} · ${t(`stage.${s.stage}`)} · ${s.periodStart} – ${s.periodEnd}`}
        actions={
          <>
            <Link href={`/distributor-scorecards?period=${s.periodKey}`} className={buttonClass("secondary")}>
              {t("detail.back")}
            </Link>
            <Link href={`/distributors/${s.distributorId}`} className={buttonClass("secondary")}>
              {t("detail.distributor")}
            </Link>
          </>
        }
      />
      <Card className="grid gap-4 p-4 sm:grid-cols-3">
        <div>
          <p className="text-sm text-slate-600">{t("detail.total")}</p>
          <p className="text-3xl font-semibold tabular-nums" data-testid="scorecard-total">
            {pts(s.total)}
          </p>
          <p className="text-sm text-slate-700">
            {s.rank ? t("detail.rank", { rank: s.rank, count: s.periodCount }) : t("detail.unranked")}
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-600">{t("ranking.recommendation")}</p>
          <p className="mt-1">
            {s.recommendation ? (
              <Badge tone={RECOMMENDATION_TONE[s.recommendation]}>{rec(s.recommendation)}</Badge>
            ) : (
              "—"
            )}
          </p>
          <p className="mt-1 text-xs text-slate-700">
            {t("detail.computedRecommendation", { value: rec(f.computedRecommendation) })}
          </p>
          <p className="text-xs text-slate-600">{t("detail.thresholds", f.thresholds)}</p>
        </div>
        <div className="text-sm text-slate-700">
          <p>{t("detail.computed", { date: date(s.computedAt), asOf: f.asOf })}</p>
          <p>
            {s.reviewedAt && s.reviewerName
              ? t("detail.reviewedBy", { name: s.reviewerName, date: date(s.reviewedAt) })
              : t("detail.notReviewed")}
          </p>
          {s.note ? (
            <p className="mt-1 [overflow-wrap:anywhere]">
              <span className="font-medium">{t("detail.note")}: </span>
              {s.note}
            </p>
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("detail.workings")} />
        <Table caption={t("detail.workings")}>
          <thead className="bg-slate-50">
            <tr>
              <Th>{t("detail.factor")}</Th>
              <Th className="text-right">{t("detail.points")}</Th>
              <Th className="text-right">{t("detail.weight")}</Th>
              <Th className="text-right">{t("detail.effectiveWeight")}</Th>
              <Th>{t("detail.workings")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {SCORECARD_FACTORS.map((k) => (
              <tr key={k} data-testid={`factor-${k}`}>
                <Td className="font-medium whitespace-nowrap">{t(`factors.${k}`)}</Td>
                <Td className="text-right tabular-nums">{pts(f[k].points)}</Td>
                <Td className="text-right tabular-nums">{f.weights[k]}%</Td>
                <Td className="text-right tabular-nums">{f.effectiveWeights[k]}%</Td>
                <Td className="min-w-48 text-sm text-slate-700">{workings[k]}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {s.canEdit ? (
        <Card>
          <CardHeader title={t("detail.review.title")} />
          <div className="p-4">
            <ActionForm action={reviewScorecardAction} aria-label={t("detail.review.title")}>
              <RecordRef id={s.id} version={s.version} />
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  name="recommendation"
                  label={t("detail.review.recommendation")}
                  defaultValue={f.override ?? ""}
                  options={[
                    {
                      value: "",
                      label: t("detail.review.followComputed", { value: rec(f.computedRecommendation) }),
                    },
                    ...RECOMMENDATIONS.map((r) => ({ value: r, label: rec(r) })),
                  ]}
                />
              </div>
              <TextAreaField
                name="note"
                label={t("detail.review.note")}
                defaultValue={s.note ?? ""}
                maxLength={2000}
              />
              <SubmitButton>{t("detail.review.save")}</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
