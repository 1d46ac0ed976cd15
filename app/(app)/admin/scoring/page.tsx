import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getScoringSettings } from "@/lib/data/account-scores";
import { hasCapability } from "@/lib/domain/access";
import type { ScoringSettingsRow } from "@/lib/domain/account-scoring";
import { TIME_ZONE } from "@/lib/i18n/config";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updateScoringAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountTools.scoring");
  return { title: t("title") };
}

function Section({ title, help, children }: { title: string; help: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3 border-t border-slate-200 pt-4 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-left w-full text-base font-semibold text-slate-900">{title}</legend>
      <p className="clear-left text-sm text-slate-700">{help}</p>
      <div className="grid gap-4 sm:grid-cols-3">{children}</div>
    </fieldset>
  );
}

export default async function ScoringSettingsPage() {
  const viewer = await requireViewer();
  // Administrators only; anyone else sees the same 404 as for a page that does not exist.
  if (!hasCapability(viewer, "admin.scoring")) notFound();
  const settings = (await getScoringSettings()) as ScoringSettingsRow & {
    version?: number;
    updatedAt?: Date;
  };
  const [t, ta, format] = await Promise.all([
    getTranslations("accountTools.scoring"),
    getTranslations("account"),
    getFormatter(),
  ]);

  const total = settings.weightCurrent + settings.weightPotential + settings.weightStrategic;
  const share = (w: number) => format.number(total > 0 ? (w / total) * 100 : 0, { maximumFractionDigits: 1 });
  const plain = (n: number) => String(Math.round(n * 100) / 100);
  // Sentences run on without a space in Chinese.
  const gap = viewer.locale === "zh-CN" ? "" : " ";
  const numeric = { inputMode: "decimal" as const, autoComplete: "off", required: true };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")}
            {gap}
            {settings.updatedAt
              ? t("lastChanged", {
                  when: format.dateTime(settings.updatedAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: TIME_ZONE,
                  }),
                })
              : t("neverChanged")}
          </>
        }
      />
      <Card>
        <CardHeader title={t("title")} />
        <div className="p-4">
          <ActionForm action={updateScoringAction} aria-label={t("title")} className="space-y-6">
            <input type="hidden" name="version" value={settings.version ?? 1} />
            <Section title={t("weightsTitle")} help={t("weightsHelp")}>
              {(["Current", "Potential", "Strategic"] as const).map((d) => {
                const name = `weight${d}` as const;
                return (
                  <TextField
                    key={name}
                    name={name}
                    label={ta(`dimensions.${d.toLowerCase()}`)}
                    hint={[t(`${name}Help`), t("share", { share: share(settings[name]) })].join(gap)}
                    defaultValue={plain(settings[name])}
                    {...numeric}
                    inputMode="numeric"
                  />
                );
              })}
            </Section>
            <Section title={t("tiersTitle")} help={t("tiersHelp")}>
              <TextField
                name="tierA"
                label={t("tierA")}
                hint={t("tierAHelp")}
                defaultValue={plain(settings.tierA)}
                {...numeric}
                inputMode="numeric"
              />
              <TextField
                name="tierB"
                label={t("tierB")}
                hint={t("tierBHelp")}
                defaultValue={plain(settings.tierB)}
                {...numeric}
                inputMode="numeric"
              />
            </Section>
            <Section title={t("fullMarksTitle")} help={t("fullMarksHelp")}>
              <TextField
                name="fullMarksPurchaseVolume"
                label={t("fullMarksPurchaseVolume")}
                hint={t("fullMarksPurchaseVolumeHelp")}
                defaultValue={plain(settings.fullMarksPurchaseVolume)}
                {...numeric}
              />
              <TextField
                name="fullMarksCategorySpend"
                label={t("fullMarksCategorySpend")}
                hint={t("fullMarksCategorySpendHelp")}
                defaultValue={plain(settings.fullMarksCategorySpend)}
                {...numeric}
              />
              <TextField
                name="fullMarksGrowth"
                label={t("fullMarksGrowth")}
                hint={t("fullMarksGrowthHelp")}
                defaultValue={plain(settings.fullMarksGrowth)}
                {...numeric}
              />
            </Section>
            <Section title={t("assetTitle")} help={t("assetHelp")}>
              <TextField
                name="maxCostToServePercent"
                label={t("maxCostToServeShare")}
                hint={t("maxCostToServeShareHelp")}
                defaultValue={plain(settings.maxCostToServeShare * 100)}
                {...numeric}
              />
            </Section>
            <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </div>
  );
}
