import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listPendingApprovals } from "@/lib/data/visits/approvals";
import { hasCapability } from "@/lib/domain/access";
import { yuan } from "@/components/deals/format";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DecisionForm } from "@/components/visits/decision-form";
import { timeRange } from "@/components/visits/format";
import { decidePlanAction, decideRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitPlans");
  return { title: t("inbox.title") };
}

/** 待审批: plans and requests waiting for this approver, each approved or returned in one tap. */
export default async function ApprovalsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "visits.approve")) notFound();
  const [pending, t, format] = await Promise.all([
    listPendingApprovals(viewer),
    getTranslations("visitPlans"),
    getFormatter(),
  ]);
  const money = (fen: bigint) => yuan(format, Number(fen) / 100);
  const total = pending.plans.length + pending.requests.length;

  return (
    <div className="space-y-6">
      <PageHeader title={t("inbox.title")} description={t("inbox.description", { count: total })} />

      <Card>
        <CardHeader title={t("inbox.plans", { count: pending.plans.length })} />
        {pending.plans.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("inbox.noPlans")}</p>
        ) : (
          <ul
            className="divide-y divide-slate-200"
            aria-label={t("inbox.plans", { count: pending.plans.length })}
          >
            {pending.plans.map((p) => (
              <li key={p.id} className="space-y-3 p-4" data-testid="pending-plan">
                <div className="space-y-1">
                  <Link
                    href={`/visits/plans/${encodeURIComponent(p.id)}`}
                    prefetch={false}
                    className="inline-flex min-h-11 items-center break-words font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
                  >
                    {p.purpose}
                  </Link>
                  <p className="break-words text-sm text-slate-700">
                    {p.owner.name} · {p.account.name} · {p.account.tier} · {t(`methods.${p.method}`)}
                    {p.expectedCost !== null ? ` · ${money(p.expectedCost)}` : ""}
                  </p>
                  <p className="text-sm tabular-nums text-slate-600">
                    {timeRange(format, p.plannedStart, p.plannedEnd)}
                  </p>
                </div>
                <DecisionForm action={decidePlanAction} id={p.id} version={p.version} name={p.purpose} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader title={t("inbox.requests", { count: pending.requests.length })} />
        {pending.requests.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("inbox.noRequests")}</p>
        ) : (
          <ul
            className="divide-y divide-slate-200"
            aria-label={t("inbox.requests", { count: pending.requests.length })}
          >
            {pending.requests.map((r) => {
              const name = `${t(`kinds.${r.kind}`)} · ${r.account.name}`;
              return (
                <li key={r.id} className="space-y-3 p-4" data-testid="pending-request">
                  <div className="space-y-1">
                    <Link
                      href={`/visits/requests/${encodeURIComponent(r.id)}`}
                      prefetch={false}
                      className="inline-flex min-h-11 items-center break-words font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
                    >
                      {name} · {money(r.amount)}
                    </Link>
                    <p className="break-words text-sm text-slate-700">
                      {r.owner.name}
                      {r.kind === "GIFT"
                        ? ` · ${r.giftItems ?? ""}${r.recipientContact ? ` → ${r.recipientContact.name}` : ""}`
                        : ` · ${r.delegation ?? ""} · ${t("inbox.people", { count: r.headcount ?? 0 })}`}
                    </p>
                    <p className="break-words text-sm text-slate-600">{r.reason}</p>
                    {r.plan ? (
                      <p className="text-sm text-slate-600">
                        {t("inbox.forPlan", { purpose: r.plan.purpose })}
                      </p>
                    ) : null}
                  </div>
                  <DecisionForm action={decideRequestAction} id={r.id} version={r.version} name={name} />
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
