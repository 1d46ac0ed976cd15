import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { chinaDate } from "@/lib/domain/calendar";
import { SERVICE_FREQUENCIES } from "@/lib/domain/service-plans";
import { getServicePlan, recentVisitOptions, serviceOwnerOptions } from "@/lib/data/service/plans";
import { orNotFound } from "@/components/admin/guard";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { ServiceItemCard } from "@/components/service/service-item-card";
import { ServiceItemFields } from "@/components/service/service-item-form-fields";
import {
  createServiceItemAction,
  deleteServiceItemAction,
  recordDeliveryAction,
  restoreServiceItemAction,
  updateServiceItemAction,
} from "./actions";

type Params = { params: Promise<{ accountId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("service");
  return { title: t("title") };
}

/** 个性化服务计划: the account's agreed service items, their deliveries and on-time rate, and the forms. */
export default async function ServicePlanPage({ params }: Params) {
  const viewer = await requireViewer();
  const { accountId } = await params;
  const plan = await orNotFound(getServicePlan(viewer, accountId));
  const [t, owners, visits] = await Promise.all([
    getTranslations("service"),
    plan.canEdit ? serviceOwnerOptions(viewer, plan.account) : Promise.resolve([]),
    plan.canEdit ? recentVisitOptions(viewer, accountId) : Promise.resolve([]),
  ]);
  const today = chinaDate(new Date());
  const labels = {
    name: t("fields.name"),
    description: t("fields.description"),
    owner: t("fields.owner"),
    frequency: t("fields.frequency"),
    nextDueOn: t("fields.nextDueOn"),
    frequencies: Object.fromEntries(SERVICE_FREQUENCIES.map((f) => [f, t(`frequencies.${f}`)])),
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("pageTitle", { account: plan.account.name })}
        description={t("description")}
        actions={
          <Link
            href={`/accounts/${accountId}`}
            className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
          >
            {t("back")}
          </Link>
        }
      />
      <Card className="p-4">
        <p className="text-sm text-slate-700">
          {t("onTimeRate")} ({t("lastYear")}):{" "}
          <strong className="text-lg tabular-nums text-slate-900" data-testid="plan-on-time">
            {plan.onTimeRate === null ? t("notMeasured") : t("onTimeValue", { rate: plan.onTimeRate })}
          </strong>
        </p>
      </Card>
      {plan.items.length === 0 ? (
        <p className="text-sm text-slate-600">
          {plan.account.tier === "A" && plan.canEdit ? t("offerA") : t("empty")}
        </p>
      ) : (
        <div className="space-y-4">
          {plan.items.map((item) => (
            <ServiceItemCard
              key={item.id}
              item={item}
              canEdit={plan.canEdit}
              today={today}
              owners={owners}
              visits={visits}
              labels={labels}
              actions={{
                record: recordDeliveryAction,
                update: updateServiceItemAction,
                remove: deleteServiceItemAction,
              }}
            />
          ))}
        </div>
      )}
      {plan.canEdit ? (
        <PageSection id="add-item" title={t("add")} collapsible open={plan.items.length === 0}>
          <ActionForm action={createServiceItemAction} resetOnSuccess aria-label={t("add")}>
            <input type="hidden" name="accountId" value={accountId} />
            <ServiceItemFields
              labels={labels}
              owners={owners}
              initial={{
                name: "",
                description: null,
                ownerId: plan.account.ownerId,
                frequency: "QUARTERLY",
                nextDueOn: today,
              }}
            />
            <SubmitButton>{t("add")}</SubmitButton>
          </ActionForm>
        </PageSection>
      ) : null}
      {plan.canEdit && plan.deletedItems.length ? (
        <PageSection id="deleted-items" title={t("deletedItems")} collapsible>
          <ul className="space-y-2">
            {plan.deletedItems.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm text-slate-800">{item.name}</span>
                <ActionForm action={restoreServiceItemAction} aria-label={`${t("restore")} ${item.name}`}>
                  <RecordRef id={item.id} version={item.version} />
                  <SubmitButton variant="secondary">{t("restore")}</SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </PageSection>
      ) : null}
    </div>
  );
}
