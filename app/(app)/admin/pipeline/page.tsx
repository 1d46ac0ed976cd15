import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listLostReasons } from "@/lib/data/deals/lost-reasons";
import { getPipelineSettings } from "@/lib/data/deals/settings";
import { hasCapability } from "@/lib/domain/access";
import { orNotFound } from "@/components/admin/guard";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  createLostReasonAction,
  deleteLostReasonAction,
  restoreLostReasonAction,
  updateLostReasonAction,
  updatePipelineSettingsAction,
} from "./actions";
import { RecordRef } from "@/components/forms/record-ref";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pipelineAdmin");
  return { title: t("title") };
}

type Reason = { id: string; code: string; name: string; nameEn: string; sortOrder: number; version: number };

/** The fields of a lost reason, shared by the create and edit forms. */
async function ReasonFields({ reason }: { reason?: Reason }) {
  const t = await getTranslations("pipelineAdmin.reasons");
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <TextField
        name="name"
        label={t("name")}
        defaultValue={reason?.name}
        required
        maxLength={60}
        lang="zh-CN"
      />
      <TextField
        name="nameEn"
        label={t("nameEn")}
        defaultValue={reason?.nameEn}
        required
        maxLength={60}
        lang="en"
      />
      <TextField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        defaultValue={reason?.code}
        required
        maxLength={40}
        autoComplete="off"
        className="font-mono"
      />
      <TextField
        name="sortOrder"
        label={t("sortOrder")}
        hint={t("sortOrderHint")}
        defaultValue={reason ? String(reason.sortOrder) : ""}
        inputMode="numeric"
        autoComplete="off"
      />
    </div>
  );
}

/** 开发流程设置 (administrators): the stale threshold, the stage-4 minimum, the renewal window, lost reasons. */
export default async function PipelineSettingsPage() {
  const viewer = await requireViewer();
  // Administrators only; anyone else sees the same 404 as for a page that does not exist.
  if (!hasCapability(viewer, "admin.pipeline")) notFound();
  const [settings, reasons, deleted] = await orNotFound(
    Promise.all([getPipelineSettings(), listLostReasons(), listLostReasons({ deleted: true })]),
  );
  const t = await getTranslations("pipelineAdmin");
  const label = (r: Reason) => (viewer.locale === "zh-CN" ? r.name : r.nameEn);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />

      <Card>
        <CardHeader title={t("settings.title")} />
        <div className="p-4">
          <ActionForm
            action={updatePipelineSettingsAction}
            aria-label={t("settings.title")}
            className="space-y-5"
          >
            {/* No saved row yet (version 0): the first save creates it from version 1. */}
            <input type="hidden" name="version" value={settings.version || 1} />
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField
                name="staleDays"
                label={t("settings.staleDays")}
                hint={t("settings.staleDaysHint")}
                defaultValue={String(settings.staleDays)}
                inputMode="numeric"
                autoComplete="off"
                required
              />
              <SelectField
                name="minDecisionMakerStrength"
                label={t("settings.minStrength")}
                hint={t("settings.minStrengthHint")}
                options={[1, 2, 3, 4, 5].map((v) => ({
                  value: String(v),
                  label: t("settings.strength", { value: v }),
                }))}
                defaultValue={String(settings.minDecisionMakerStrength)}
              />
              <TextField
                name="renewalWindowDays"
                label={t("settings.renewalWindow")}
                hint={t("settings.renewalWindowHint")}
                defaultValue={String(settings.renewalWindowDays)}
                inputMode="numeric"
                autoComplete="off"
                required
              />
            </div>
            <SubmitButton>{t("settings.save")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("reasons.title", { count: reasons.length })} />
        <p className="px-4 pt-3 text-sm text-slate-700">{t("reasons.description")}</p>
        {reasons.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("reasons.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {reasons.map((r) => (
              <li key={r.id} className="space-y-2 p-4">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium text-slate-900">{r.name}</span>
                  <span className="text-sm text-slate-700" lang="en">
                    {r.nameEn}
                  </span>
                  <span className="font-mono text-xs text-slate-600">{r.code}</span>
                  <span className="text-xs text-slate-600">{t("reasons.order", { value: r.sortOrder })}</span>
                </div>
                <div className="flex flex-wrap gap-x-6 gap-y-2">
                  <Disclosure summary={t("reasons.edit", { name: label(r) })} className="open:w-full">
                    <ActionForm
                      action={updateLostReasonAction}
                      aria-label={t("reasons.edit", { name: label(r) })}
                      className="space-y-4"
                    >
                      <RecordRef id={r.id} version={r.version} />
                      <ReasonFields reason={r} />
                      <SubmitButton>{t("reasons.save")}</SubmitButton>
                    </ActionForm>
                  </Disclosure>
                  <Disclosure
                    summary={t("reasons.delete", { name: label(r) })}
                    tone="danger"
                    className="w-full"
                  >
                    <div className="space-y-2 text-sm text-slate-700">
                      <p>{t("reasons.deleteBody")}</p>
                      <RefActionForm
                        action={deleteLostReasonAction}
                        id={r.id}
                        version={r.version}
                        buttonLabel={t("reasons.deleteButton")}
                        label={t("reasons.delete", { name: label(r) })}
                        variant="danger"
                      />
                    </div>
                  </Disclosure>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="new-reason" className="scroll-mt-20">
        <CardHeader title={t("reasons.new")} />
        <div className="p-4">
          <ActionForm action={createLostReasonAction} resetOnSuccess aria-label={t("reasons.new")}>
            <ReasonFields />
            <SubmitButton>{t("reasons.create")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("reasons.deletedTitle", { count: deleted.length })} />
        {deleted.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("reasons.noDeleted")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {deleted.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{label(r)}</span>
                  <span className="ml-2 font-mono text-xs text-slate-600">{r.code}</span>
                </span>
                <RefActionForm
                  action={restoreLostReasonAction}
                  id={r.id}
                  version={r.version}
                  buttonLabel={t("reasons.restore")}
                  label={t("reasons.restoreLabel", { name: label(r) })}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
