import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { invitationLink } from "@/lib/data/surveys/links";
import { smtpConfigured } from "@/lib/data/surveys/email";
import { getSurvey } from "@/lib/data/surveys/results";
import { labelIn } from "@/lib/domain/surveys";
import { orNotFound } from "@/components/admin/guard";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SurveyFigureTiles } from "@/components/surveys/figures";
import { CopyLink } from "@/components/surveys/copy-link";
import { qrSvg, surveyLinkBase } from "@/components/surveys/link-base";
import { QuestionResults } from "@/components/surveys/question-results";
import { RevokeLinkButton } from "@/components/surveys/revoke-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { emailLinksAction, revokeLinkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.detail");
  return { title: t("title") };
}

/** 调研详情: each person's link (copy, QR code, e-mail), who answered, the results question by question. */
export default async function SurveyPage({ params }: { params: Promise<{ surveyId: string }> }) {
  const viewer = await requireViewer();
  const { surveyId } = await params;
  const detail = await orNotFound(getSurvey(viewer, surveyId));
  const { survey, party, questions, figures, results, canEdit } = detail;
  const [t, format, base] = await Promise.all([getTranslations("surveys"), getFormatter(), surveyLinkBase()]);
  const locale = viewer.locale;
  const open = survey.status === "OPEN";
  const email = smtpConfigured();
  const links = await Promise.all(
    survey.invitations.map(async (inv) => {
      const live = open && canEdit && !inv.revokedAt;
      const url = live ? invitationLink(base, inv.tokenSalt) : null;
      return { inv, url, qr: url ? await qrSvg(url) : null };
    }),
  );
  const title = locale === "en" ? survey.templateVersion.titleEn : survey.templateVersion.titleZh;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });

  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={
          <>
            <Link href={party.href} className="font-medium underline">
              {party.name}
            </Link>
            {" · "}
            {t(`triggers.${survey.trigger}`)}
            {" · "}
            {t("detail.closes", { date: when(survey.closesAt) })}
          </>
        }
        actions={<Badge tone={open ? "info" : "neutral"}>{t(`status.${survey.status}`)}</Badge>}
      />
      <SurveyFigureTiles figures={figures} />

      <Card>
        <CardHeader title={t("detail.people")} />
        <div className="space-y-4 p-4">
          {open && canEdit ? (
            email ? (
              <ActionForm action={emailLinksAction} aria-label={t("detail.email")}>
                <input type="hidden" name="id" value={survey.id} />
                <SubmitButton variant="secondary">{t("detail.email")}</SubmitButton>
              </ActionForm>
            ) : (
              <p className="text-sm text-slate-600" data-testid="no-smtp">
                {t("detail.noEmail")}
              </p>
            )
          ) : null}
          <ul className="divide-y divide-slate-200">
            {links.map(({ inv, url, qr }) => (
              <li key={inv.id} className="space-y-2 py-3" data-testid="survey-invitation">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{inv.person.name}</span>
                  {inv.person.title ? (
                    <span className="text-sm text-slate-600">{inv.person.title}</span>
                  ) : null}
                  <Badge tone={inv.response ? "good" : inv.revokedAt ? "neutral" : "warn"}>
                    {inv.response
                      ? t("detail.answered", { date: when(inv.response.submittedAt) })
                      : inv.revokedAt
                        ? t("detail.revokedBadge")
                        : t("detail.waiting")}
                  </Badge>
                  {inv.response?.lowScore ? <Badge tone="bad">{t("detail.lowScore")}</Badge> : null}
                  <span className="text-xs text-slate-600">
                    {inv.locale === "en" ? t("send.localeEn") : t("send.localeZh")}
                    {inv.emailedAt ? ` · ${t("detail.emailedAt", { date: when(inv.emailedAt) })}` : ""}
                  </span>
                </div>
                {url ? (
                  <div className="space-y-2">
                    <CopyLink
                      url={url}
                      label={t("detail.linkFor", { name: inv.person.name })}
                      labels={{
                        copy: t("detail.copy"),
                        copied: t("detail.copied"),
                        failed: t("detail.copyFailed"),
                      }}
                    />
                    <div className="flex flex-wrap items-start gap-3">
                      <details className="text-sm">
                        <summary className="cursor-pointer font-medium text-indigo-700">
                          {t("detail.showQr")}
                        </summary>
                        <figure className="mt-2 w-44" data-testid="survey-qr">
                          <div
                            role="img"
                            aria-label={t("detail.qrFor", { name: inv.person.name })}
                            className="h-44 w-44"
                            dangerouslySetInnerHTML={{ __html: qr! }}
                          />
                          <figcaption className="text-xs text-slate-600">{t("detail.qrHint")}</figcaption>
                        </figure>
                      </details>
                      {!inv.response ? (
                        <RevokeLinkButton
                          id={inv.id}
                          action={revokeLinkAction}
                          labels={{
                            revoke: t("detail.revoke"),
                            confirm: t("detail.revokeConfirm", { name: inv.person.name }),
                            failed: t("detail.revokeFailed"),
                          }}
                        />
                      ) : null}
                    </div>
                  </div>
                ) : null}
                {inv.response?.verbatim ? (
                  <blockquote className="border-l-4 border-slate-300 pl-3 text-sm whitespace-pre-line text-slate-800">
                    {inv.response.verbatim}
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("detail.results")} />
        <div className="p-4">
          <QuestionResults
            questions={questions.map((q) => ({
              key: q.key,
              label: labelIn(q, locale),
              options: Object.fromEntries((q.options ?? []).map((o) => [o.key, labelIn(o, locale)])),
            }))}
            results={results}
          />
        </div>
      </Card>
    </div>
  );
}
