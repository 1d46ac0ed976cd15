import type { Metadata } from "next";
import { cache, type ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getVisitRecordDetail, visitRecordHistory } from "@/lib/data/visits/record-reads";
import { cachedVisitSettings } from "@/lib/data/visits/settings";
import { canDo, type Viewer } from "@/lib/domain/access";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { checkInFlag, followUpState } from "@/lib/domain/visit-records";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { yuan, day } from "@/components/deals/format";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { TextLink } from "@/components/visits/visit-links";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { deleteVisitRecordAction, restoreVisitRecordAction } from "./actions";
import { EditVisitForm } from "./_components/edit-form";
import { VisitHistory } from "./_components/history";

type Params = { params: Promise<{ recordId: string }> };

const load = cache((viewer: Viewer, id: string) => getVisitRecordDetail(viewer, id));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const viewer = await requireViewer();
  const { recordId } = await params;
  const t = await getTranslations("visits.detail");
  try {
    return { title: t("titleFor", { account: (await load(viewer, recordId)).account.name }) };
  } catch {
    return { title: t("title") };
  }
}

/** /visits/[recordId] — one visit record: what was said, who was met, the check-in, photos, history. */
export default async function VisitRecordPage({
  params,
  searchParams,
}: Params & { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const { recordId } = await params;
  const query = firstValues(await searchParams);
  const record = await orNotFound(load(viewer, recordId));
  const [t, format, settings, history] = await Promise.all([
    getTranslations("visits"),
    getFormatter(),
    cachedVisitSettings(),
    visitRecordHistory(viewer, record.id),
  ]);
  const deleted = record.deletedAt !== null;
  const flag = checkInFlag(record, settings.checkInRadiusM);
  const today = chinaDate(new Date());
  const followUp = record.followUpsCreated.find((f) => !f.deletedAt) ?? null;

  const rows: [string, ReactNode][] = [
    [t("fields.visitedAt"), format.dateTime(record.visitedAt, { dateStyle: "full", timeStyle: "short" })],
    [t("fields.method"), t(`methods.${record.method}`)],
    [t("fields.place"), record.place],
    [
      t("fields.contacts"),
      record.contacts.map((c) => (c.title ? `${c.name} · ${c.title}` : c.name)).join(t("detail.separator")),
    ],
    [t("fields.talkingPoints"), record.talkingPoints],
    [t("fields.customerViews"), record.customerViews],
    [t("fields.suggestions"), record.suggestions],
    [t("fields.nextStep"), record.nextStep],
    [t("fields.outcome"), record.outcome ? t(`outcomes.${record.outcome}`) : null],
    [
      t("fields.durationMinutes"),
      record.durationMinutes ? t("detail.minutes", { count: record.durationMinutes }) : null,
    ],
    [t("fields.cost"), record.cost === null ? null : yuan(format, Number(record.cost) / 100)],
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <TextLink href="/visits">← {t("list.title")}</TextLink>
      </p>
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">
          <Link href={`/accounts/${encodeURIComponent(record.account.id)}`} className="hover:underline">
            {record.account.name}
          </Link>
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{t("detail.by", { name: record.owner.name })}</span>
          <Badge>{t(`methods.${record.method}`)}</Badge>
          {deleted ? <Badge tone="bad">{t("detail.deletedBadge")}</Badge> : null}
        </p>
      </header>
      {query.saved === "1" && !deleted ? (
        <Alert tone="success">
          {followUp
            ? t("detail.savedWithFollowUp", { date: day(format, followUp.dueOn) })
            : t("detail.savedPlain")}
        </Alert>
      ) : null}

      <Card>
        <dl className="divide-y divide-slate-100">
          {rows
            .filter(([, v]) => v !== null && v !== "")
            .map(([label, value]) => (
              <div key={label} className="grid gap-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="whitespace-pre-wrap break-words text-sm text-slate-900">{value}</dd>
              </div>
            ))}
          {record.plan ? (
            <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
              <dt className="text-sm text-slate-600">{t("fields.plan")}</dt>
              <dd className="text-sm">
                <TextLink href={`/visits/plans/${encodeURIComponent(record.plan.id)}`}>
                  {record.plan.purpose}
                </TextLink>
              </dd>
            </div>
          ) : null}
          {record.deal ? (
            <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
              <dt className="text-sm text-slate-600">{t("fields.deal")}</dt>
              <dd className="text-sm">
                <TextLink href={`/deals/${encodeURIComponent(record.deal.id)}`}>{record.deal.title}</TextLink>
              </dd>
            </div>
          ) : null}
          <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm text-slate-600">{t("checkIn.title")}</dt>
            <dd className="text-sm text-slate-900" data-testid="check-in-flag">
              {flag === "NONE" ? t("detail.noCheckIn") : null}
              {flag === "NO_ACCOUNT_LOCATION" ? t("detail.checkInNoAccountLocation") : null}
              {flag === "NEAR" ? t("detail.checkInNear", { metres: record.checkInDistanceM! }) : null}
              {flag === "FAR" ? (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <Badge tone="bad">{t("detail.checkInFarBadge")}</Badge>
                  {t("detail.checkInFar", {
                    metres: record.checkInDistanceM!,
                    radius: settings.checkInRadiusM,
                  })}
                </span>
              ) : null}
            </dd>
          </div>
          {followUp ? (
            <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-[10rem_1fr]">
              <dt className="text-sm text-slate-600">{t("followUps.one")}</dt>
              <dd className="text-sm text-slate-900">
                {t(
                  `followUps.states.${followUpState({ dueOn: fromDbDate(followUp.dueOn), completedAt: followUp.completedAt }, today)}`,
                  {
                    date: day(format, followUp.dueOn),
                  },
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      </Card>

      {record.photos.length ? (
        <Card>
          <CardHeader title={t("photos.title")} />
          <ul className="flex flex-wrap gap-3 p-4">
            {record.photos.map((p, i) => (
              <li key={p.id}>
                <a href={`/api/visits/photos/${encodeURIComponent(p.id)}`} target="_blank" rel="noopener">
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, scoped per viewer */}
                  <img
                    src={`/api/visits/photos/${encodeURIComponent(p.id)}`}
                    alt={t("photos.preview", { n: i + 1 })}
                    width={p.width}
                    height={p.height}
                    className="h-32 w-auto max-w-full rounded border border-slate-200 object-cover"
                    loading="lazy"
                  />
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {!deleted && canDo(viewer, "edit", record) ? (
        <Card className="p-4">
          <Disclosure summary={t("detail.edit")}>
            <EditVisitForm record={record} />
          </Disclosure>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.history")} />
        <VisitHistory rows={history} />
      </Card>

      {!deleted && canDo(viewer, "delete", record) ? (
        <Card className="p-4">
          <Disclosure summary={t("detail.delete")} tone="danger">
            <ActionForm action={deleteVisitRecordAction} aria-label={t("detail.delete")}>
              <RecordRef id={record.id} version={record.version} />
              <p className="text-sm text-slate-700">{t("detail.deleteExplain")}</p>
              <SubmitButton variant="danger">{t("detail.deleteConfirm")}</SubmitButton>
            </ActionForm>
          </Disclosure>
        </Card>
      ) : null}
      {deleted && canDo(viewer, "restore", record) ? (
        <Card className="p-4">
          <ActionForm action={restoreVisitRecordAction} aria-label={t("detail.restore")}>
            <RecordRef id={record.id} version={record.version} />
            <SubmitButton variant="secondary">{t("detail.restore")}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
