import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { planFormOptions } from "@/lib/data/visits/plan-reads";
import { getRequest, giftYearTotals } from "@/lib/data/visits/requests";
import { cachedVisitSettings } from "@/lib/data/visits/settings";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import { fenToYuanInput } from "@/lib/domain/money";
import { canRequest } from "@/lib/domain/visit-approval";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { day, yuan } from "@/components/deals/format";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { DecisionForm } from "@/components/visits/decision-form";
import { GiftTotals } from "@/components/visits/gift-totals";
import { RecordHistory } from "@/components/visits/record-history";
import { RequestForm } from "@/components/visits/request-form";
import { StatusBadge } from "@/components/visits/status-badge";
import { decideRequestAction } from "../../approvals/actions";
import { cancelRequestAction, resubmitGiftAction, resubmitReceptionAction } from "../actions";

const loadRequest = cache((viewer: Viewer, id: string) => getRequest(viewer, id));
type Props = { params: Promise<{ requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const request = await orNotFound(loadRequest(viewer, (await params).requestId));
  const t = await getTranslations("visitPlans");
  return { title: `${t(`kinds.${request.kind}`)} · ${request.account.name}` };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** A gift or reception request: what is asked, its status and decision, its history. */
export default async function RequestPage({ params }: Props) {
  const viewer = await requireViewer();
  const request = await orNotFound(loadRequest(viewer, (await params).requestId));
  const [t, format, locale, settings] = await Promise.all([
    getTranslations("visitPlans"),
    getFormatter(),
    getLocale(),
    cachedVisitSettings(),
  ]);
  const gift = request.kind === "GIFT";
  const [totals, options] = await Promise.all([
    gift ? giftYearTotals(viewer, request.accountId) : null,
    request.status === "RETURNED" ? planFormOptions(viewer, request.accountId) : null,
  ]);
  const mayEdit = canDo(viewer, "edit", request);
  const mayDecide =
    request.status === "SUBMITTED" &&
    (request.approverId === viewer.id || hasCapability(viewer, "admin.visits"));
  const money = (fen: bigint) => yuan(format, Number(fen) / 100);
  const title = `${t(`kinds.${request.kind}`)} · ${request.account.name}`;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href={
            request.plan
              ? `/visits/plans/${encodeURIComponent(request.plan.id)}`
              : `/accounts/${encodeURIComponent(request.account.id)}`
          }
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {request.plan ? request.plan.purpose : request.account.name}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={request.status} />
            <span>{t("plan.byOwner", { name: request.owner.name })}</span>
          </span>
        }
      />
      {mayDecide ? (
        <Card className="p-4">
          <h2 className="mb-2 text-base font-semibold text-slate-900">{t("plan.decideTitle")}</h2>
          <DecisionForm action={decideRequestAction} id={request.id} version={request.version} name={title} />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader title={t("plan.details")} />
          <dl className="grid gap-4 p-4 sm:grid-cols-2">
            <Item label={t("fields.account")}>
              <Link
                href={`/accounts/${encodeURIComponent(request.account.id)}`}
                className="text-indigo-800 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
              >
                {request.account.name}
              </Link>
            </Item>
            <Item label={gift ? t("fields.giftValue") : t("fields.budget")}>{money(request.amount)}</Item>
            {gift ? (
              <>
                <Item label={t("fields.giftItems")}>{request.giftItems}</Item>
                <Item label={t("fields.recipient")}>
                  {request.recipientContact
                    ? request.recipientContact.title
                      ? `${request.recipientContact.name}（${request.recipientContact.title}）`
                      : request.recipientContact.name
                    : "—"}
                </Item>
              </>
            ) : (
              <>
                <Item label={t("fields.delegation")}>{request.delegation}</Item>
                <Item label={t("fields.dates")}>
                  {request.startDate && request.endDate
                    ? `${day(format, request.startDate)} – ${day(format, request.endDate)}`
                    : "—"}
                </Item>
                <Item label={t("fields.headcount")}>{request.headcount ?? "—"}</Item>
                <Item label={t("fields.itinerary")}>{request.itinerary ?? "—"}</Item>
              </>
            )}
            <Item label={t("fields.reason")}>{request.reason}</Item>
            <Item label={t("fields.approval")}>
              {request.needsApproval
                ? t("plan.approver", { name: request.approver?.name ?? "—" })
                : t("plan.noApprovalNeeded")}
              {request.decisionComment ? (
                <span className="mt-1 block text-slate-700">
                  {t("plan.decisionComment", { comment: request.decisionComment })}
                </span>
              ) : null}
            </Item>
          </dl>
        </Card>
        {totals ? (
          <aside>
            <GiftTotals
              year={totals.year}
              account={totals.account}
              perContact={totals.perContact}
              contacts={request.recipientContact ? [request.recipientContact] : []}
              caps={{ contact: settings.giftYearCapPerContact, account: settings.giftYearCapPerAccount }}
            />
          </aside>
        ) : null}
      </div>

      {mayEdit && request.status === "RETURNED" && options ? (
        <Disclosure summary={t("requestForm.editReturned")} open>
          <RequestForm
            kind={request.kind}
            action={gift ? resubmitGiftAction : resubmitReceptionAction}
            account={request.account}
            planId={request.planId}
            record={{ id: request.id, version: request.version }}
            contacts={options.contacts}
            totals={totals ?? { account: 0n, perContact: new Map() }}
            settings={settings}
            locale={locale}
            values={{
              giftItems: request.giftItems ?? undefined,
              recipientContactId: request.recipientContactId ?? undefined,
              amount: fenToYuanInput(request.amount),
              reason: request.reason,
              delegation: request.delegation ?? undefined,
              startDate: request.startDate ? fromDbDate(request.startDate) : undefined,
              endDate: request.endDate ? fromDbDate(request.endDate) : undefined,
              headcount: request.headcount?.toString(),
              itinerary: request.itinerary ?? undefined,
            }}
          />
        </Disclosure>
      ) : null}
      {mayEdit && canRequest("cancel", request.status) ? (
        <RefActionForm
          action={cancelRequestAction}
          id={request.id}
          version={request.version}
          buttonLabel={t("request.cancel")}
        />
      ) : null}

      <section aria-labelledby="request-history" className="space-y-2">
        <h2 id="request-history" className="text-base font-semibold text-slate-900">
          {t("plan.history")}
        </h2>
        <RecordHistory rows={request.history} label={t("plan.history")} />
      </section>
    </div>
  );
}
