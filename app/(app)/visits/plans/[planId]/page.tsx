import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getPlan, planFormOptions } from "@/lib/data/visits/plan-reads";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { fenToYuanInput } from "@/lib/domain/money";
import { canPlan } from "@/lib/domain/visit-approval";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { yuan } from "@/components/deals/format";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { DecisionForm } from "@/components/visits/decision-form";
import { dateTimeInput, timeRange } from "@/components/visits/format";
import { PlanForm } from "@/components/visits/plan-form";
import { RecordHistory } from "@/components/visits/record-history";
import { StatusBadge } from "@/components/visits/status-badge";
import { decidePlanAction } from "../../approvals/actions";
import {
  cancelPlanAction,
  deletePlanAction,
  reschedulePlanAction,
  submitPlanAction,
  updatePlanAction,
} from "../actions";

const loadPlan = cache((viewer: Viewer, id: string) => getPlan(viewer, id));

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const { planId } = await params;
  const plan = await orNotFound(loadPlan(viewer, planId));
  return { title: plan.purpose };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** 拜访计划: the plan, its status and decision, what can be done next, its requests and history. */
export default async function PlanPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { planId } = await params;
  const editing = (await searchParams).edit === "1";
  const plan = await orNotFound(loadPlan(viewer, planId));
  const [t, format] = await Promise.all([getTranslations("visitPlans"), getFormatter()]);
  const mayEdit = canDo(viewer, "edit", plan);
  const mayDecide =
    plan.status === "SUBMITTED" && (plan.approverId === viewer.id || hasCapability(viewer, "admin.visits"));
  const open = plan.status !== "CANCELLED" && plan.status !== "DONE";
  const none = <span className="text-slate-500">—</span>;
  const planHref = `/visits/plans/${encodeURIComponent(plan.id)}`;

  if (editing && mayEdit && canPlan("edit", plan.status)) {
    const options = await planFormOptions(viewer, plan.accountId);
    return (
      <div className="space-y-6">
        <p>
          <Link
            href={planHref}
            className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
          >
            ← {t("plan.backToPlan")}
          </Link>
        </p>
        <PageHeader title={t("plan.editTitle")} />
        <Card className="p-4 sm:p-6">
          <PlanForm
            action={updatePlanAction}
            account={plan.account}
            record={{ id: plan.id, version: plan.version }}
            options={{
              contacts: options.contacts,
              deals: options.deals.map((d) => ({ id: d.id, name: d.title })),
              colleagues: options.colleagues,
            }}
            values={{
              dealId: plan.dealId ?? undefined,
              contactIds: plan.contactIds,
              companionIds: plan.companionIds,
              purpose: plan.purpose,
              objectives: plan.objectives ?? undefined,
              method: plan.method,
              place: plan.place ?? undefined,
              plannedStart: dateTimeInput(plan.plannedStart),
              plannedEnd: dateTimeInput(plan.plannedEnd),
              expectedCost: fenToYuanInput(plan.expectedCost),
            }}
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/visits/plans"
          className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
        >
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        title={plan.purpose}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={plan.display} />
            <span>{t("plan.byOwner", { name: plan.owner.name })}</span>
          </span>
        }
      />

      {mayDecide ? (
        <Card className="p-4" aria-label={t("plan.decideTitle")}>
          <h2 className="mb-2 text-base font-semibold text-slate-900">{t("plan.decideTitle")}</h2>
          <DecisionForm action={decidePlanAction} id={plan.id} version={plan.version} name={plan.purpose} />
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("plan.details")} />
        <dl className="grid gap-4 p-4 sm:grid-cols-2">
          <Item label={t("fields.account")}>
            <Link
              href={`/accounts/${encodeURIComponent(plan.account.id)}`}
              className="text-indigo-800 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
            >
              {plan.account.name}
            </Link>{" "}
            · {plan.account.tier}
          </Item>
          <Item label={t("fields.time")}>
            <span className="tabular-nums">{timeRange(format, plan.plannedStart, plan.plannedEnd)}</span>
          </Item>
          <Item label={t("fields.method")}>{t(`methods.${plan.method}`)}</Item>
          <Item label={t("fields.place")}>{plan.place ?? none}</Item>
          <Item label={t("fields.contacts")}>
            {plan.contacts.length
              ? plan.contacts.map((c) => (c.title ? `${c.name}（${c.title}）` : c.name)).join("、")
              : none}
          </Item>
          <Item label={t("fields.companions")}>
            {plan.companions.length ? plan.companions.map((c) => c.name).join("、") : none}
          </Item>
          <Item label={t("fields.expectedCost")}>
            {plan.expectedCost !== null ? yuan(format, Number(plan.expectedCost) / 100) : none}
          </Item>
          <Item label={t("fields.deal")}>
            {plan.deal ? (
              <Link
                href={`/deals/${encodeURIComponent(plan.deal.id)}`}
                className="text-indigo-800 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
              >
                {plan.deal.title}
              </Link>
            ) : (
              none
            )}
          </Item>
          <Item label={t("fields.objectives")}>
            <span className="whitespace-pre-line">{plan.objectives ?? "—"}</span>
          </Item>
          <Item label={t("fields.approval")}>
            {plan.status === "DRAFT"
              ? t("plan.notSubmitted")
              : plan.needsApproval
                ? t("plan.approver", { name: plan.approver?.name ?? "—" })
                : t("plan.noApprovalNeeded")}
            {plan.decisionComment ? (
              <span className="mt-1 block text-slate-700">
                {t("plan.decisionComment", { comment: plan.decisionComment })}
              </span>
            ) : null}
          </Item>
        </dl>
      </Card>

      {mayEdit && open ? (
        <Card className="space-y-4 p-4">
          <h2 className="text-base font-semibold text-slate-900">{t("plan.actions")}</h2>
          <div className="flex flex-wrap items-start gap-2">
            {plan.status === "APPROVED" && !plan.record ? (
              <Link
                href={`/visits/new?plan=${encodeURIComponent(plan.id)}&account=${encodeURIComponent(plan.accountId)}${plan.dealId ? `&deal=${encodeURIComponent(plan.dealId)}` : ""}`}
                className={buttonClass("primary")}
              >
                {t("plan.logVisit")}
              </Link>
            ) : null}
            {canPlan("submit", plan.status) ? (
              <RefActionForm
                action={submitPlanAction}
                id={plan.id}
                version={plan.version}
                buttonLabel={t("plan.submit")}
                variant="primary"
                size="md"
              />
            ) : null}
            {canPlan("edit", plan.status) ? (
              <Link href={`${planHref}?edit=1`} className={buttonClass("secondary")}>
                {t("plan.edit")}
              </Link>
            ) : null}
            <Link
              href={`/visits/requests/new?kind=GIFT&plan=${encodeURIComponent(plan.id)}`}
              className={buttonClass("secondary")}
            >
              {t("plan.addGift")}
            </Link>
            <Link
              href={`/visits/requests/new?kind=RECEPTION&plan=${encodeURIComponent(plan.id)}`}
              className={buttonClass("secondary")}
            >
              {t("plan.addReception")}
            </Link>
          </div>
          {canPlan("reschedule", plan.status) ? (
            <Disclosure summary={t("plan.reschedule")}>
              <ActionForm
                action={reschedulePlanAction}
                aria-label={t("plan.reschedule")}
                className="max-w-xl space-y-3"
              >
                <RecordRef id={plan.id} version={plan.version} />
                <p className="text-sm text-slate-700">{t("plan.rescheduleHint")}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField
                    name="plannedStart"
                    type="datetime-local"
                    label={t("fields.plannedStart")}
                    defaultValue={dateTimeInput(plan.plannedStart)}
                  />
                  <TextField
                    name="plannedEnd"
                    type="datetime-local"
                    label={t("fields.plannedEnd")}
                    defaultValue={dateTimeInput(plan.plannedEnd)}
                  />
                </div>
                <SubmitButton>{t("plan.rescheduleSave")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {canPlan("cancel", plan.status) ? (
              <RefActionForm
                action={cancelPlanAction}
                id={plan.id}
                version={plan.version}
                buttonLabel={t("plan.cancel")}
                variant="secondary"
              />
            ) : null}
            {canPlan("delete", plan.status) ? (
              <RefActionForm
                action={deletePlanAction}
                id={plan.id}
                version={plan.version}
                buttonLabel={t("plan.delete")}
                variant="danger"
              />
            ) : null}
          </div>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("plan.requests")} />
        {plan.requests.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">{t("plan.noRequests")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {plan.requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <Link
                  href={`/visits/requests/${encodeURIComponent(r.id)}`}
                  className="inline-flex min-h-11 items-center text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
                >
                  {t(`kinds.${r.kind}`)} · {yuan(format, Number(r.amount) / 100)}
                </Link>
                <StatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <section aria-labelledby="plan-history" className="space-y-2">
        <h2 id="plan-history" className="text-base font-semibold text-slate-900">
          {t("plan.history")}
        </h2>
        <RecordHistory rows={plan.history} label={t("plan.history")} />
      </section>
    </div>
  );
}
