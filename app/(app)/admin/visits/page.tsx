import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getVisitSettings } from "@/lib/data/visits/settings";
import { hasCapability } from "@/lib/domain/access";
import { fenToYuanInput } from "@/lib/domain/money";
import { CheckboxField } from "@/components/deals/checkbox-field";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CheckboxGroup } from "@/components/visits/checkbox-group";
import { saveVisitSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("visitPlans.settings");
  return { title: t("title") };
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}

/** 拜访设置 (administrators): approval rules, gift caps, follow-up days, contact cadence, check-in radius. */
export default async function VisitSettingsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.visits")) notFound();
  const [s, t] = await Promise.all([getVisitSettings(), getTranslations("visitPlans.settings")]);
  const yuanHint = t("yuanHint");

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="p-4 sm:p-6">
        <ActionForm action={saveVisitSettingsAction} aria-label={t("title")} className="space-y-8">
          <input type="hidden" name="version" value={s.version} />
          <Group title={t("approval")}>
            <CheckboxGroup
              name="approvalTiers"
              legend={t("approvalTiers")}
              options={(["A", "B", "C"] as const).map((tier) => ({ value: tier, label: t(`tier${tier}`) }))}
              defaultValues={s.approvalTiers}
              empty=""
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="approvalCostThreshold"
                label={t("approvalCostThreshold")}
                hint={yuanHint}
                inputMode="decimal"
                defaultValue={fenToYuanInput(s.approvalCostThreshold)}
              />
              <TextField
                name="directorThreshold"
                label={t("directorThreshold")}
                hint={t("directorHint")}
                inputMode="decimal"
                defaultValue={fenToYuanInput(s.directorThreshold)}
              />
              <TextField
                name="giftApprovalThreshold"
                label={t("giftApprovalThreshold")}
                hint={t("giftApprovalHint")}
                inputMode="decimal"
                defaultValue={fenToYuanInput(s.giftApprovalThreshold)}
              />
            </div>
            <CheckboxField
              name="approvalForHosting"
              label={t("approvalForHosting")}
              defaultChecked={s.approvalForHosting}
            />
          </Group>
          <Group title={t("gifts")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="giftYearCapPerContact"
                label={t("giftYearCapPerContact")}
                hint={yuanHint}
                inputMode="decimal"
                defaultValue={fenToYuanInput(s.giftYearCapPerContact)}
              />
              <TextField
                name="giftYearCapPerAccount"
                label={t("giftYearCapPerAccount")}
                hint={yuanHint}
                inputMode="decimal"
                defaultValue={fenToYuanInput(s.giftYearCapPerAccount)}
              />
            </div>
          </Group>
          <Group title={t("cadence")}>
            <p className="text-sm text-slate-600">{t("cadenceHint")}</p>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField
                name="cadenceDaysA"
                label={t("cadenceDaysA")}
                inputMode="numeric"
                defaultValue={String(s.cadenceDaysA)}
              />
              <TextField
                name="cadenceDaysB"
                label={t("cadenceDaysB")}
                inputMode="numeric"
                defaultValue={String(s.cadenceDaysB)}
              />
              <TextField
                name="cadenceDaysC"
                label={t("cadenceDaysC")}
                inputMode="numeric"
                defaultValue={String(s.cadenceDaysC)}
              />
            </div>
          </Group>
          <Group title={t("other")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="followUpDays"
                label={t("followUpDays")}
                hint={t("followUpHint")}
                inputMode="numeric"
                defaultValue={String(s.followUpDays)}
              />
              <TextField
                name="checkInRadiusM"
                label={t("checkInRadiusM")}
                hint={t("checkInHint")}
                inputMode="numeric"
                defaultValue={String(s.checkInRadiusM)}
              />
            </div>
          </Group>
          <SubmitButton>{t("save")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
