import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DealDetail } from "@/lib/data/deals/detail";
import { isStale, probabilityOf } from "@/lib/domain/pipeline";
import { teamLabel } from "@/lib/i18n/names";
import type { AppLocale } from "@/lib/i18n/config";
import { fenToYuanInput } from "@/lib/domain/money";
import { TierBadge } from "@/components/accounts/tier-badge";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/forms/action-form";
import { DealStatusBadge } from "@/components/deals/status-badge";
import { dateInput, day, dayOf, yuan } from "@/components/deals/format";
import { Disclosure } from "@/components/ui/disclosure";
import { Badge } from "@/components/ui/badge";
import { deleteDealAction, updateDealAction } from "../actions";
import { RecordRef } from "@/components/forms/record-ref";

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 sm:col-span-3 lg:col-span-4" : undefined}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The deal at a glance: its account, owner, stage and time in it, value and close date; edit and delete. */
export async function DealHeader({
  deal,
  locale,
  viewerId,
  canDelete,
  now,
}: {
  deal: DealDetail;
  locale: AppLocale;
  viewerId: string;
  canDelete: boolean;
  now: Date;
}) {
  const [t, tg, ta, format] = await Promise.all([
    getTranslations("deal"),
    getTranslations("gate"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const open = deal.status === "OPEN";
  const stale = open && isStale(deal.stageEnteredAt, now, deal.settings.staleDays);
  const none = <span className="text-slate-500">{t("none")}</span>;
  return (
    <header className="space-y-4">
      <nav aria-label={t("header.breadcrumb")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link
          href="/pipeline"
          className="inline-flex min-h-11 items-center font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("header.toBoard")}
        </Link>
        <Link
          href={`/accounts/${encodeURIComponent(deal.account.id)}#deals`}
          className="inline-flex min-h-11 items-center font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {deal.account.name}
        </Link>
      </nav>
      <div>
        <p className="text-sm font-medium text-slate-600">{t("header.kicker")}</p>
        <h1 className="text-2xl font-semibold break-words text-slate-900">{deal.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <DealStatusBadge status={deal.status} />
          <Badge tone={open ? "info" : "neutral"}>{tg(`stages.${deal.stage}`)}</Badge>
          {open ? (
            <Badge tone={stale ? "warn" : "neutral"}>
              {stale
                ? t("header.staleDays", { days: deal.daysInStage, limit: deal.settings.staleDays })
                : t("header.daysInStage", { days: deal.daysInStage })}
            </Badge>
          ) : deal.closedAt ? (
            <span className="text-sm text-slate-700">
              {t("header.closedOn", { date: dayOf(format, deal.closedAt) })}
            </span>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-4">
        <Item label={t("fields.account")}>
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/accounts/${encodeURIComponent(deal.account.id)}`}
              className="inline-flex min-h-11 items-center font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
            >
              {deal.account.name}
            </Link>
            <TierBadge tier={deal.account.tier} label={ta(`tiers.${deal.account.tier}`)} />
          </span>
        </Item>
        <Item label={t("fields.owner")}>
          {deal.owner.name}
          {deal.owner.id === viewerId ? <span className="text-slate-600">{t("header.you")}</span> : null}
          {deal.owner.jobTitle ? (
            <span className="block text-xs font-normal text-slate-600">{deal.owner.jobTitle}</span>
          ) : null}
        </Item>
        <Item label={t("fields.team")}>{teamLabel(deal.team, locale)}</Item>
        <Item label={t("fields.lifecycle")}>{ta(`lifecycle.${deal.account.lifecycle}`)}</Item>
        <Item label={t("fields.expectedValue")}>
          <span className="font-semibold tabular-nums">{yuan(format, deal.expectedValueYuan)}</span>
        </Item>
        <Item label={t("fields.expectedCloseDate")}>
          {deal.expectedCloseDate ? day(format, deal.expectedCloseDate) : none}
        </Item>
        <Item label={t("fields.probability")}>
          <span className="tabular-nums">{probabilityOf(deal)}%</span>
          {deal.closeProbability === null ? (
            <span className="text-slate-600"> {t("header.probabilityByStage")}</span>
          ) : null}
        </Item>
        <Item label={t("fields.created")}>{dayOf(format, deal.createdAt)}</Item>
        <Item label={t("fields.products")} wide>
          {deal.products ? <span className="whitespace-pre-line">{deal.products}</span> : none}
        </Item>
      </dl>
      {deal.canEdit || canDelete ? (
        <div className="flex flex-col gap-3">
          {deal.canEdit ? (
            <Disclosure summary={t("header.edit")}>
              <ActionForm action={updateDealAction} aria-label={t("header.edit")} className="max-w-3xl">
                <RecordRef id={deal.id} version={deal.version} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    name="title"
                    label={t("fields.title")}
                    defaultValue={deal.title}
                    required
                    maxLength={120}
                    autoComplete="off"
                    className="sm:col-span-2"
                  />
                  <TextField
                    name="expectedValue"
                    label={t("fields.expectedValueInput")}
                    hint={t("yuanHint")}
                    defaultValue={fenToYuanInput(deal.expectedValue)}
                    inputMode="decimal"
                    autoComplete="off"
                    required
                  />
                  <TextField
                    name="expectedCloseDate"
                    label={t("fields.expectedCloseDate")}
                    type="date"
                    defaultValue={dateInput(deal.expectedCloseDate)}
                  />
                  <TextAreaField
                    name="products"
                    label={t("fields.products")}
                    hint={t("productsHint")}
                    defaultValue={deal.products ?? ""}
                    rows={2}
                    maxLength={1000}
                    className="sm:col-span-2"
                  />
                </div>
                <SubmitButton>{t("header.save")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          ) : null}
          {canDelete ? (
            <Disclosure summary={t("header.delete")} tone="danger">
              <div className="max-w-xl space-y-2 text-sm text-slate-700">
                <p>{t("header.deleteBody")}</p>
                <RefActionForm
                  action={deleteDealAction}
                  id={deal.id}
                  version={deal.version}
                  buttonLabel={t("header.deleteButton")}
                  variant="danger"
                />
              </div>
            </Disclosure>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
