import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { accountForPlanning, planAccountOptions, planFormOptions } from "@/lib/data/visits/plan-reads";
import { queryId } from "@/lib/validation/primitives";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { PlanForm } from "@/components/visits/plan-form";
import { orNotFound } from "@/components/admin/guard";
import { createPlanAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitPlans");
  return { title: t("new.title") };
}

/** 新建拜访计划: opened from an account ("Plan a visit") or from the plan list (choose an account first). */
export default async function NewPlanPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const accountId = queryId.parse(params.account);
  const dealId = queryId.parse(params.deal);
  const t = await getTranslations("visitPlans");
  const back = (
    <p>
      <Link
        href="/visits/plans"
        className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
      >
        ← {t("backToList")}
      </Link>
    </p>
  );

  if (!accountId) {
    const accounts = await planAccountOptions(viewer);
    return (
      <div className="space-y-6">
        {back}
        <PageHeader title={t("new.title")} description={t("new.chooseAccountHint")} />
        <Card className="p-4 sm:p-6">
          <form
            method="get"
            action="/visits/plans/new"
            className="flex flex-wrap items-end gap-3"
            aria-label={t("new.chooseAccount")}
          >
            <div className="min-w-0 flex-1">
              <label htmlFor="plan-account" className="mb-1 block text-sm font-medium text-slate-800">
                {t("fields.account")}
              </label>
              <Select id="plan-account" name="account" required defaultValue="">
                <option value="" disabled>
                  {t("new.chooseAccount")}
                </option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} · {a.tier}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit">{t("new.continue")}</Button>
          </form>
        </Card>
      </div>
    );
  }

  const account = await orNotFound(accountForPlanning(viewer, accountId));
  const options = await planFormOptions(viewer, account.id);
  // Tomorrow at 9:00–10:00, Beijing time: a sensible default a rep adjusts.
  const tomorrow = addDays(chinaDate(new Date()), 1);
  return (
    <div className="space-y-6">
      {back}
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <Card className="p-4 sm:p-6">
        <PlanForm
          action={createPlanAction}
          account={account}
          clientId={randomUUID()}
          options={{
            contacts: options.contacts,
            deals: options.deals.map((d) => ({ id: d.id, name: d.title })),
            colleagues: options.colleagues,
          }}
          values={{
            dealId: options.deals.some((d) => d.id === dealId) ? dealId : undefined,
            plannedStart: `${tomorrow}T09:00`,
            plannedEnd: `${tomorrow}T10:00`,
          }}
        />
      </Card>
    </div>
  );
}
