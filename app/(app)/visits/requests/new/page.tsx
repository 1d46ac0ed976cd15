import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { accountForPlanning, getPlan, planFormOptions } from "@/lib/data/visits/plan-reads";
import { giftYearTotals } from "@/lib/data/visits/requests";
import { cachedVisitSettings } from "@/lib/data/visits/settings";
import { queryId } from "@/lib/validation/primitives";
import { orNotFound } from "@/components/admin/guard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RequestForm } from "@/components/visits/request-form";
import { GiftTotals } from "@/components/visits/gift-totals";
import { createGiftAction, createReceptionAction } from "../actions";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}): Promise<Metadata> {
  const t = await getTranslations("visitPlans");
  const kind = (await searchParams).kind === "RECEPTION" ? "RECEPTION" : "GIFT";
  return { title: t(`requestForm.title${kind}`) };
}

/** 礼品馈赠申请 / 客户接待申请: for a plan (its account) or straight for an account. */
export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const kind = params.kind === "RECEPTION" ? "RECEPTION" : "GIFT";
  const planId = queryId.parse(params.plan);
  const accountId = queryId.parse(params.account);
  const t = await getTranslations("visitPlans");
  const plan = planId ? await orNotFound(getPlan(viewer, planId)) : null;
  if (!plan && !accountId) {
    return (
      <div className="space-y-6">
        <PageHeader title={t(`requestForm.title${kind}`)} description={t("requestForm.fromPlanOrAccount")} />
        <Link
          href="/visits/plans"
          className="text-sm font-medium text-indigo-800 underline-offset-2 hover:underline"
        >
          {t("backToList")}
        </Link>
      </div>
    );
  }
  const account = plan ? plan.account : await orNotFound(accountForPlanning(viewer, accountId!));
  const [options, totals, settings, locale] = await Promise.all([
    planFormOptions(viewer, account.id),
    giftYearTotals(viewer, account.id),
    cachedVisitSettings(),
    getLocale(),
  ]);
  const back = plan
    ? `/visits/plans/${encodeURIComponent(plan.id)}`
    : `/accounts/${encodeURIComponent(account.id)}`;

  return (
    <div className="space-y-6">
      <p>
        <Link
          href={back}
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {plan ? plan.purpose : account.name}
        </Link>
      </p>
      <PageHeader title={t(`requestForm.title${kind}`)} description={t(`requestForm.description${kind}`)} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="p-4 sm:p-6">
          <RequestForm
            kind={kind}
            action={kind === "GIFT" ? createGiftAction : createReceptionAction}
            account={account}
            planId={plan?.id}
            clientId={randomUUID()}
            contacts={options.contacts}
            totals={totals}
            settings={settings}
            locale={locale}
          />
        </Card>
        {kind === "GIFT" ? (
          <aside>
            <GiftTotals
              year={totals.year}
              account={totals.account}
              perContact={totals.perContact}
              contacts={options.contacts}
              caps={{ contact: settings.giftYearCapPerContact, account: settings.giftYearCapPerAccount }}
            />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
