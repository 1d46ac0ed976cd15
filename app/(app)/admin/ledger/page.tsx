import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getKpiSettings } from "@/lib/data/ledger/value";
import { hasCapability } from "@/lib/domain/access";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updateLedgerSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger.admin");
  return { title: t("title") };
}

/** Whether the sales ledger drives the accounts' purchase volume (and so their value and tier). */
export default async function LedgerSettingsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.kpi")) notFound();
  const [settings, t] = await Promise.all([getKpiSettings(), getTranslations("ledger.admin")]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader title={t("switchTitle")} />
        <div className="space-y-4 p-4">
          <p className="text-sm text-slate-700" data-testid="ledger-drives-value-state">
            {settings.ledgerDrivesValue ? t("stateOn") : t("stateOff")}
          </p>
          <ActionForm action={updateLedgerSettingsAction} aria-label={t("switchTitle")}>
            <input type="hidden" name="version" value={settings.version} />
            <SelectField
              name="ledgerDrivesValue"
              label={t("switchLabel")}
              hint={t("switchHint")}
              defaultValue={settings.ledgerDrivesValue ? "on" : "off"}
              options={[
                { value: "off", label: t("off") },
                { value: "on", label: t("on") },
              ]}
            />
            <SubmitButton>{t("save")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </div>
  );
}
