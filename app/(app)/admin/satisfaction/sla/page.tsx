import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { listComplaintSla } from "@/lib/data/complaints/sla-settings";
import { hasCapability } from "@/lib/domain/access";
import { SLA_MINUTES } from "@/lib/domain/complaints";
import { saveComplaintSlaAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints.sla");
  return { title: t("settingsTitle") };
}

/** A time in whole hours when it is one, else in minutes: what the form shows first. */
const asInput = (minutes: number) =>
  minutes % 60 === 0
    ? { value: String(minutes / 60), unit: "hours" }
    : { value: String(minutes), unit: "minutes" };

/** 投诉时限设置 (administrators): time to acknowledge and to resolve per severity. */
export default async function ComplaintSlaPage() {
  const viewer = await requireViewer();
  if (!hasCapability(viewer, "admin.satisfaction")) notFound();
  const [rows, t, tc] = await Promise.all([
    listComplaintSla(viewer),
    getTranslations("complaints.sla"),
    getTranslations("complaints"),
  ]);
  const units = [
    { value: "hours", label: t("hours") },
    { value: "minutes", label: t("minutes") },
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={t("settingsTitle")}
        description={t("settingsSubtitle")}
        actions={
          <Link
            href="/admin/satisfaction"
            className="inline-flex min-h-11 items-center text-sm text-indigo-800 hover:underline"
          >
            {t("back")}
          </Link>
        }
      />
      {rows.map((r) => {
        const ack = asInput(r.ackMinutes);
        const resolve = asInput(r.resolveMinutes);
        const label = tc(`severity.${r.severity}`);
        return (
          <Card key={r.severity} className="p-4">
            <ActionForm action={saveComplaintSlaAction} aria-label={label}>
              <h2 className="text-lg font-semibold text-slate-900">{label}</h2>
              <input type="hidden" name="severity" value={r.severity} />
              <RecordRef id={r.severity} version={r.version} />
              <div className="grid gap-3 sm:grid-cols-4">
                <TextField
                  name="ackValue"
                  label={t("ackTime")}
                  inputMode="numeric"
                  defaultValue={ack.value}
                  min={1}
                  max={SLA_MINUTES.max}
                  required
                />
                <SelectField name="ackUnit" label={t("unit")} defaultValue={ack.unit} options={units} />
                <TextField
                  name="resolveValue"
                  label={t("resolveTime")}
                  inputMode="numeric"
                  defaultValue={resolve.value}
                  min={1}
                  max={SLA_MINUTES.max}
                  required
                />
                <SelectField
                  name="resolveUnit"
                  label={t("unit")}
                  defaultValue={resolve.unit}
                  options={units}
                />
              </div>
              <SubmitButton>{tc("save")}</SubmitButton>
            </ActionForm>
          </Card>
        );
      })}
    </div>
  );
}
