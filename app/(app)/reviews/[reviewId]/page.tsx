import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { canReview } from "@/lib/domain/access";
import { REVIEW_RATINGS } from "@/lib/domain/scorecard";
import { getReview, type Review } from "@/lib/data/reviews/reviews";
import { isAppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/i18n/config";
import { teamLabel } from "@/lib/i18n/names";
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import {
  deleteReviewAction,
  respondReviewAction,
  restoreReviewAction,
  saveReviewAction,
  shareReviewAction,
} from "../actions";
import { periodLabel } from "../_components/period-label";
import { PrintButton } from "../_components/print-button";
import { ScorecardView } from "../_components/scorecard-view";

type Params = { params: Promise<{ reviewId: string }> };

async function load(params: Params["params"]) {
  const viewer = await requireViewer();
  const { reviewId } = await params;
  try {
    return { viewer, review: await getReview(viewer, reviewId) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { review } = await load(params);
  const t = await getTranslations("reviews.review");
  return { title: t("title", { name: review.subject.name }) };
}

const TONE = { DRAFT: "neutral", SHARED: "warn", ACKNOWLEDGED: "good" } as const;

/** A block of the manager's or the person's text, kept as written (line breaks included). */
function Written({ title, text, empty }: { title: string; text: string | null; empty: string }) {
  return (
    <div className="break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{text ?? empty}</p>
    </div>
  );
}

/** 绩效反馈与改进: the frozen scorecard, the manager's feedback and the person's answer. */
export default async function ReviewPage({ params }: Params) {
  const { viewer, review } = await load(params);
  const [t, tp, format] = await Promise.all([
    getTranslations("reviews"),
    getTranslations("reviews.period"),
    getFormatter(),
  ]);
  const reviewer = canReview(viewer, { id: review.subjectId, teamId: review.subject.teamId });
  const isSubject = review.subjectId === viewer.id;
  const editable = reviewer && review.status === "DRAFT" && !review.deletedAt;
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }) : "";
  const snap = review.snapshot;
  const period = periodLabel(tp, {
    kind: review.periodKind,
    start: review.periodStart,
    end: review.periodEnd,
  });

  return (
    <article className="space-y-6 print:space-y-4" data-testid="review">
      <PageHeader
        title={t("review.title", { name: review.subject.name })}
        description={
          <>
            {period}
            {snap.team ? ` · ${teamLabel(snap.team, viewer.locale)}` : ""}
            {" · "}
            {t("review.reviewer", { name: review.reviewer.name })}
          </>
        }
        actions={
          <>
            <Badge tone={TONE[review.status]}>{t(`status.${review.status}`)}</Badge>
            <PrintButton label={t("review.print")} />
            <Link href="/reviews" className={`${buttonClass("secondary")} print:hidden`}>
              {t("review.back")}
            </Link>
          </>
        }
      />
      {review.deletedAt ? <Alert tone="info">{t("review.isDeleted")}</Alert> : null}

      <PageSection
        id="scorecard"
        title={t("review.frozenTitle")}
        description={t("review.frozenHint", { date: when(review.frozenAt) })}
      >
        <ScorecardView card={snap} locale={viewer.locale} />
      </PageSection>

      <PageSection id="feedback" title={t("review.feedbackTitle")}>
        {editable ? (
          <Card className="p-4">
            <ActionForm
              action={saveReviewAction}
              aria-label={t("review.feedbackTitle")}
              className="space-y-3 print:hidden"
            >
              <RecordRef id={review.id} version={review.version} />
              <TextAreaField
                name="strengths"
                label={t("review.strengths")}
                defaultValue={review.strengths ?? ""}
                rows={4}
              />
              <TextAreaField name="gaps" label={t("review.gaps")} defaultValue={review.gaps ?? ""} rows={4} />
              <SelectField
                name="rating"
                label={t("review.rating")}
                defaultValue={review.rating ?? ""}
                placeholder={t("review.chooseRating")}
                options={REVIEW_RATINGS.map((r) => ({ value: r, label: t(`ratings.${r}`) }))}
              />
              <TextAreaField
                name="improvementPlan"
                label={t("review.improvementPlan")}
                hint={t("review.improvementHint")}
                defaultValue={review.improvementPlan ?? ""}
                rows={5}
              />
              <SubmitButton>{t("review.save")}</SubmitButton>
            </ActionForm>
          </Card>
        ) : null}
        <Card className={editable ? "hidden p-4 print:block" : "space-y-4 p-4"}>
          <div className="space-y-4">
            <Written
              title={t("review.rating")}
              text={review.rating ? t(`ratings.${review.rating}`) : null}
              empty={t("review.notWritten")}
            />
            <Written title={t("review.strengths")} text={review.strengths} empty={t("review.notWritten")} />
            <Written title={t("review.gaps")} text={review.gaps} empty={t("review.notWritten")} />
            <Written
              title={t("review.improvementPlan")}
              text={review.improvementPlan}
              empty={t("review.notWritten")}
            />
            {review.sharedAt ? (
              <p className="text-xs text-slate-600">
                {t("review.sharedAt", { date: when(review.sharedAt) })}
              </p>
            ) : null}
          </div>
        </Card>
        {editable ? (
          <Card className="space-y-2 p-4 print:hidden">
            <p className="text-sm text-slate-700">{t("review.shareHint", { name: review.subject.name })}</p>
            <RefActionForm
              action={shareReviewAction}
              id={review.id}
              version={review.version}
              buttonLabel={t("review.share")}
              variant="primary"
              size="md"
            />
          </Card>
        ) : null}
      </PageSection>

      {review.status !== "DRAFT" ? (
        <PageSection id="response" title={t("review.responseTitle")}>
          {isSubject && review.status === "SHARED" ? (
            <Card className="p-4">
              <ActionForm
                action={respondReviewAction}
                aria-label={t("review.responseTitle")}
                className="space-y-3 print:hidden"
              >
                <RecordRef id={review.id} version={review.version} />
                <TextAreaField
                  name="response"
                  label={t("review.response")}
                  hint={t("review.responseHint")}
                  rows={5}
                />
                <SubmitButton>{t("review.respond")}</SubmitButton>
              </ActionForm>
            </Card>
          ) : (
            <Card className="p-4">
              <Written
                title={t("review.responseBy", { name: review.subject.name })}
                text={review.response}
                empty={t("review.waiting", { name: review.subject.name })}
              />
              {review.respondedAt ? (
                <p className="mt-2 text-xs text-slate-600">
                  {t("review.respondedAt", { date: when(review.respondedAt) })}
                </p>
              ) : null}
            </Card>
          )}
        </PageSection>
      ) : null}

      {reviewer ? (
        <div className="flex flex-wrap gap-2 print:hidden">
          {review.deletedAt ? (
            <RefActionForm
              action={restoreReviewAction}
              id={review.id}
              version={review.version}
              buttonLabel={t("review.restore")}
            />
          ) : (
            <RefActionForm
              action={deleteReviewAction}
              id={review.id}
              version={review.version}
              buttonLabel={t("review.delete")}
              variant="danger"
            />
          )}
        </div>
      ) : null}
      <HistoryLink
        review={review}
        show={reviewer}
        label={t("review.history", { name: review.subject.name })}
      />
    </article>
  );
}

function HistoryLink({ review, show, label }: { review: Review; show: boolean; label: string }) {
  if (!show) return null;
  return (
    <p className="print:hidden">
      <Link
        href={`/reviews?person=${encodeURIComponent(review.subjectId)}`}
        className="text-sm text-indigo-800 underline"
      >
        {label}
      </Link>
    </p>
  );
}
