import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/components/admin/guard";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { scorecardSettings } from "@/lib/data/distributor-scorecards/settings";
import { hasCapability } from "@/lib/domain/access";
import { SCORECARD_FACTORS } from "@/lib/domain/distributor-scorecard";
import { forbidden } from "@/lib/errors";
import { saveScorecardSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributorScorecards.admin.scorecards");
  return { title: t("title") };
}

/** 考评设置: the scorecard's factor weights (total 100), recommendation thresholds and healthy stock. */
export default async function ScorecardSettingsPage() {
  const viewer = await requireViewer();
  const settings = await orNotFound(
    (async () => {
      if (!hasCapability(viewer, "admin.channels")) throw forbidden();
      return scorecardSettings();
    })(),
  );
  const [t, tf] = await Promise.all([
    getTranslations("distributorScorecards.admin.scorecards"),
    getTranslations("distributorScorecards.factors"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ActionForm action={saveScorecardSettingsAction} aria-label={t("title")} className="space-y-6">
        <input type="hidden" name="version" value={settings.version} />
        <Card>
          <CardHeader title={t("weights")} />
          <div className="grid gap-3 p-4 sm:grid-cols-3">
            {SCORECARD_FACTORS.map((f) => (
              <TextField
                key={f}
                name={`w_${f}`}
                label={tf(f)}
                defaultValue={String(settings.weights[f])}
                inputMode="numeric"
                required
              />
            ))}
          </div>
        </Card>
        <Card>
          <CardHeader title={t("thresholds")} />
          <div className="grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4">
            <TextField
              name="upgradeAt"
              label={t("upgradeAt")}
              defaultValue={String(settings.upgradeAt)}
              inputMode="numeric"
            />
            <TextField
              name="keepAt"
              label={t("keepAt")}
              defaultValue={String(settings.keepAt)}
              inputMode="numeric"
            />
            <TextField
              name="warnAt"
              label={t("warnAt")}
              defaultValue={String(settings.warnAt)}
              inputMode="numeric"
            />
            <TextField
              name="healthyStockMonths"
              label={t("healthyStockMonths")}
              defaultValue={String(settings.healthyStockMonths)}
              inputMode="numeric"
            />
          </div>
        </Card>
        <SubmitButton>{t("save")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
