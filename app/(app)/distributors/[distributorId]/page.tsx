import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DistributorAgreementsSection } from "@/components/channel-agreements/distributor-agreements-section";
import { DistributorConflictsSection } from "@/components/channel-conflicts/distributor-conflicts-section";
import { DistributorScorecardSection } from "@/components/distributor-scorecards/distributor-scorecard-section";
import { DistributorSalesSection } from "@/components/channel-sales/distributor-sales-section";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { DistributorExposureSection } from "@/components/receivables/distributor-exposure-section";
import { DistributorSatisfactionSection } from "@/components/surveys/distributor-satisfaction-section";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { SectionTabs } from "@/components/ui/section-tabs";
import { requireViewer } from "@/lib/auth/viewer";
import { getDistributor } from "@/lib/data/distributors/detail";
import { daysBetween } from "@/lib/domain/pipeline";
import { hasCapability } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { fenToYuan, moneyFormat } from "@/lib/domain/money";
import { isAppError } from "@/lib/errors";
import { teamLabel, territoryLabel } from "@/lib/i18n/names";
import { deleteDistributorAction, restoreDistributorAction } from "../actions";
import { DistributorContacts, DistributorMemos } from "../_components/distributor-people";
import { STAGE_TONE } from "../_components/stage-tone";

type Props = { params: Promise<{ distributorId: string }> };

async function load(params: Props["params"]) {
  const viewer = await requireViewer();
  const { distributorId } = await params;
  // A deleted distributor's page only for those who may restore it.
  const deleted = hasCapability(viewer, "records.restore");
  const d = await getDistributor(viewer, distributorId, { deleted }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return { viewer, d };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { d } = await load(params);
  return { title: d.name };
}

/**
 * 代理商详尽信息: the profile, coverage, contacts, cooperation memos, stage history, then the
 * channel modules' sections (agreements, sales, exposure, conflicts, satisfaction, scorecard) in
 * that order.
 */
export default async function DistributorPage({ params }: Props) {
  const { viewer, d } = await load(params);
  const [t, format, locale] = await Promise.all([
    getTranslations("distributors"),
    getFormatter(),
    getLocale(),
  ]);
  const money = moneyFormat(locale);
  const yuan = (fen: bigint | null) => {
    const v = fenToYuan(fen);
    return v === null ? t("detail.none") : money.full(v);
  };
  const dash = t("detail.none");
  const profile: [string, string][] = [
    [t("fields.code"), d.code],
    [
      t("fields.kind"),
      d.model ? `${t(`kinds.${d.kind}`)} · ${t(`models.${d.model}`)}` : t(`kinds.${d.kind}`),
    ],
    [t("fields.creditCode"), d.creditCode ?? dash],
    [t("fields.legalRepresentative"), d.legalRepresentative ?? dash],
    [t("fields.registeredCapital"), yuan(d.registeredCapital)],
    [t("fields.foundedOn"), d.foundedOn ? fromDbDate(d.foundedOn) : dash],
    [t("fields.address"), d.address ?? dash],
    [t("fields.employees"), d.employees === null ? dash : format.number(d.employees)],
    [t("fields.annualSales"), yuan(d.annualSales)],
    [t("fields.creditLimit"), yuan(d.creditLimit)],
    [t("fields.territory"), territoryLabel(d.territory, viewer.locale)],
    [t("fields.owner"), d.owner.name],
    [t("fields.team"), teamLabel(d.team, viewer.locale)],
    [t("fields.selectionScore"), d.selectionScore === null ? dash : String(d.selectionScore)],
  ];
  const texts: [string, string | null][] = [
    [t("fields.shareholderBackground"), d.shareholderBackground],
    [t("fields.organisation"), d.organisation],
    [t("fields.localStrength"), d.localStrength],
    [t("fields.industryStanding"), d.industryStanding],
  ];
  const sections = [
    { id: "profile", label: t("detail.profile") },
    { id: "coverage", label: t("detail.coverage") },
    { id: "contacts", label: t("detail.contacts") },
    { id: "memos", label: t("detail.memos") },
    { id: "history", label: t("detail.history") },
  ];
  const canSign = d.can.edit && (d.stage === "NEGOTIATION" || d.stage === "SUSPENDED");

  return (
    <div className="space-y-6">
      <PageHeader
        title={d.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STAGE_TONE[d.stage]}>{t(`stages.${d.stage}`)}</Badge>
            <span>{t("detail.daysInStage", { days: daysBetween(d.stageChangedAt, new Date()) })}</span>
            {d.stageNote ? <span className="text-slate-600">· {d.stageNote}</span> : null}
          </span>
        }
        actions={
          <>
            {d.can.edit ? (
              <Link href={`/distributors/${d.id}/edit`} className={buttonClass("primary", "sm")}>
                {t("detail.edit")}
              </Link>
            ) : null}
            {canSign ? (
              <Link
                href={`/channel-agreements/new?distributor=${encodeURIComponent(d.id)}`}
                className={buttonClass("secondary", "sm")}
              >
                {t("detail.newAgreement")}
              </Link>
            ) : null}
            <Link href="/distributors/board" className={buttonClass("secondary", "sm")}>
              {t("detail.board")}
            </Link>
          </>
        }
      />
      {d.deletedAt ? <Alert tone="info">{t("detail.deletedNotice")}</Alert> : null}
      <SectionTabs label={t("detail.sections")} links={sections} />

      <PageSection id="profile" title={t("detail.profile")}>
        <Card className="p-4">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {profile.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
              </div>
            ))}
          </dl>
          <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
            {texts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="whitespace-pre-line text-slate-900 [overflow-wrap:anywhere]">
                  {value ?? dash}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </PageSection>

      <PageSection id="coverage" title={t("detail.coverage")}>
        {d.coverage.length ? (
          <ul className="flex flex-wrap gap-2">
            {d.coverage.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
                <span className="font-medium text-slate-900">
                  {territoryLabel(c.territory, viewer.locale)}
                </span>{" "}
                {c.exclusive ? <Badge tone="info">{t("detail.exclusive")}</Badge> : null}{" "}
                <span className="text-xs text-slate-600">
                  {c.active ? t("detail.activeCoverage") : t("detail.inactiveCoverage")}
                  {c.since ? ` · ${t("detail.since", { date: fromDbDate(c.since) })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("detail.noCoverage")}</p>
        )}
      </PageSection>

      <PageSection id="contacts" title={t("detail.contacts")}>
        <DistributorContacts d={d} />
      </PageSection>

      <PageSection id="memos" title={t("detail.memos")}>
        <DistributorMemos d={d} />
      </PageSection>

      <PageSection id="history" title={t("detail.history")} collapsible>
        {d.stageChanges.length ? (
          <ol className="space-y-2 text-sm">
            {d.stageChanges.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium text-slate-900">
                  {s.fromStage
                    ? t("history.moved", { from: t(`stages.${s.fromStage}`), to: t(`stages.${s.toStage}`) })
                    : t("history.created", { stage: t(`stages.${s.toStage}`) })}
                </p>
                <p className="text-xs text-slate-600">
                  {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {s.actorId && d.people[s.actorId]
                    ? ` · ${t("history.by", { name: d.people[s.actorId]! })}`
                    : ""}
                </p>
                {s.note ? <p className="mt-1 text-slate-800 [overflow-wrap:anywhere]">{s.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">{t("history.empty")}</p>
        )}
      </PageSection>

      <DistributorAgreementsSection viewer={viewer} distributorId={d.id} />
      <DistributorSalesSection viewer={viewer} distributorId={d.id} />
      <DistributorExposureSection viewer={viewer} distributorId={d.id} />
      <DistributorConflictsSection viewer={viewer} distributorId={d.id} />
      <DistributorSatisfactionSection viewer={viewer} distributorId={d.id} />
      <DistributorScorecardSection viewer={viewer} distributorId={d.id} />

      {d.can.delete || d.can.restore ? (
        <Card className="space-y-2 p-4">
          <h2 className="text-base font-semibold text-slate-900">{t("manage.title")}</h2>
          {d.can.delete ? (
            <ActionForm action={deleteDistributorAction} aria-label={t("manage.delete")}>
              <RecordRef id={d.id} version={d.version} />
              <p className="text-sm text-slate-600">{t("manage.deleteHint")}</p>
              <SubmitButton variant="danger">{t("manage.delete")}</SubmitButton>
            </ActionForm>
          ) : null}
          {d.can.restore ? (
            <ActionForm action={restoreDistributorAction} aria-label={t("manage.restore")}>
              <RecordRef id={d.id} version={d.version} />
              <SubmitButton>{t("manage.restore")}</SubmitButton>
            </ActionForm>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
