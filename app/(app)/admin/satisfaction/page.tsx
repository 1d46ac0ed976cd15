import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getSatisfactionSettings } from "@/lib/data/surveys/settings";
import { listSendableTemplates } from "@/lib/data/surveys/templates";
import { hasCapability } from "@/lib/domain/access";
import { WAVE_MONTHS } from "@/lib/domain/survey-rules";
import { CheckboxField } from "@/components/deals/checkbox-field";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { saveSatisfactionSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.settings");
  return { title: t("title") };
}

function Group({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** 满意度设置 (administrators): the public page's company name, links, triggers, waves, low scores. */
export default async function SatisfactionSettingsPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.satisfaction")) notFound();
  const [s, templates, t] = await Promise.all([
    getSatisfactionSettings(),
    listSendableTemplates(),
    getTranslations("surveys.settings"),
  ]);
  const templateOptions = templates.map((x) => ({
    value: x.code,
    label: viewer.locale === "en" ? x.nameEn : x.name,
  }));
  const months = WAVE_MONTHS.map((m) => ({ value: String(m), label: t(`waveEvery.${m}`) }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("tabs")} className="flex flex-wrap gap-4 border-b border-slate-200 text-sm">
        <span aria-current="page" className="border-b-2 border-indigo-700 pb-2 font-medium text-indigo-800">
          {t("tabSurveys")}
        </span>
        <Link href="/admin/satisfaction/sla" className="pb-2 text-slate-700 hover:text-indigo-700">
          {t("tabSla")}
        </Link>
        <Link href="/surveys/templates" className="pb-2 text-slate-700 hover:text-indigo-700">
          {t("tabTemplates")}
        </Link>
      </nav>
      <Card className="p-4 sm:p-6">
        <ActionForm action={saveSatisfactionSettingsAction} aria-label={t("title")} className="space-y-8">
          <input type="hidden" name="version" value={s.version} />
          <Group title={t("publicPage")} hint={t("publicPageHint")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="companyNameZh" label={t("companyNameZh")} defaultValue={s.companyNameZh} />
              <TextField name="companyName" label={t("companyName")} defaultValue={s.companyName} />
            </div>
          </Group>
          <Group title={t("links")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="linkValidDays"
                label={t("linkValidDays")}
                inputMode="numeric"
                defaultValue={String(s.linkValidDays)}
              />
              <TextField
                name="reminderAfterDays"
                label={t("reminderAfterDays")}
                hint={t("reminderHint")}
                inputMode="numeric"
                defaultValue={String(s.reminderAfterDays)}
              />
            </div>
          </Group>
          <Group title={t("triggers")}>
            <CheckboxField
              name="surveyOnDealWon"
              label={t("surveyOnDealWon")}
              defaultChecked={s.surveyOnDealWon}
            />
            <CheckboxField
              name="surveyOnComplaintClosed"
              label={t("surveyOnComplaintClosed")}
              defaultChecked={s.surveyOnComplaintClosed}
            />
          </Group>
          <Group title={t("waves")} hint={t("wavesHint")}>
            <div className="grid gap-4 sm:grid-cols-4">
              {(["A", "B", "C"] as const).map((tier) => (
                <SelectField
                  key={tier}
                  name={`waveMonths${tier}`}
                  label={t("waveMonthsTier", { tier })}
                  options={months}
                  defaultValue={String(s[`waveMonths${tier}`])}
                />
              ))}
              <SelectField
                name="waveTemplateCode"
                label={t("waveTemplate")}
                options={templateOptions}
                defaultValue={s.waveTemplateCode}
              />
            </div>
          </Group>
          <Group title={t("distributorWaves")} hint={t("distributorWavesHint")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="distributorWaveMonths"
                label={t("distributorWaveMonths")}
                options={months}
                defaultValue={String(s.distributorWaveMonths)}
              />
              <SelectField
                name="distributorWaveTemplateCode"
                label={t("distributorWaveTemplate")}
                options={templateOptions}
                defaultValue={s.distributorWaveTemplateCode}
              />
            </div>
          </Group>
          <Group title={t("lowScore")} hint={t("lowScoreHint")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="lowCsatAtMost"
                label={t("lowCsatAtMost")}
                inputMode="numeric"
                defaultValue={String(s.lowCsatAtMost)}
              />
              <TextField
                name="lowNpsAtMost"
                label={t("lowNpsAtMost")}
                inputMode="numeric"
                defaultValue={String(s.lowNpsAtMost)}
              />
            </div>
            <CheckboxField
              name="lowScoreCreatesComplaint"
              label={t("lowScoreCreatesComplaint")}
              defaultChecked={s.lowScoreCreatesComplaint}
            />
          </Group>
          <SubmitButton>{t("save")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
