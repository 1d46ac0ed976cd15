import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/domain/access";
import { getServicePlan } from "@/lib/data/service/plans";
import { Badge } from "@/components/ui/badge";
import { PageSection } from "@/components/ui/page-section";

/**
 * 服务计划 on the account page: the agreed items with their next due dates and the plan's on-time
 * rate, and the way to the plan page. Offered (open, with an invitation) for A-tier accounts;
 * any account may have one.
 */
export async function AccountServiceSection({ viewer, accountId }: { viewer: Viewer; accountId: string }) {
  const [t, plan] = await Promise.all([getTranslations("service"), getServicePlan(viewer, accountId)]);
  const offered = plan.account.tier === "A";
  if (!plan.items.length && !offered && !plan.canEdit) return null;
  const overdue = plan.items.filter((i) => i.overdue).length;
  return (
    <PageSection
      id="service"
      title={t("title")}
      description={t("description")}
      collapsible
      open={offered || overdue > 0}
    >
      <div className="space-y-3">
        {plan.items.length ? (
          <>
            <p className="text-sm text-slate-700">
              {t("onTimeRate")} ({t("lastYear")}):{" "}
              <strong className="tabular-nums text-slate-900">
                {plan.onTimeRate === null ? t("notMeasured") : t("onTimeValue", { rate: plan.onTimeRate })}
              </strong>
            </p>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
              {plan.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                  <span className="font-medium text-slate-900">{item.name}</span>
                  <span className="text-slate-600">{t(`frequencies.${item.frequency}`)}</span>
                  <span className="tabular-nums text-slate-700">{t("dueOn", { date: item.nextDueOn })}</span>
                  {item.overdue ? <Badge tone="bad">{t("overdue")}</Badge> : null}
                  <span className="text-slate-600">{item.owner.name}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-slate-600">{offered && plan.canEdit ? t("offerA") : t("empty")}</p>
        )}
        <Link
          href={`/accounts/${accountId}/service`}
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          {t("open")}
        </Link>
      </div>
    </PageSection>
  );
}
