import { getTranslations } from "next-intl/server";
import type { ServiceItemView } from "@/lib/data/service/plans";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/actions/types";
import { ServiceItemFields, type ServiceItemFieldLabels } from "./service-item-form-fields";

type Action = (
  state: ActionState<{ id: string }>,
  formData: FormData,
) => Promise<ActionState<{ id: string }>>;

/** One agreed service item: its schedule, on-time rate and deliveries, and (for editors) its forms. */
export async function ServiceItemCard({
  item,
  canEdit,
  today,
  owners,
  visits,
  labels,
  actions,
}: {
  item: ServiceItemView;
  canEdit: boolean;
  today: string;
  owners: { id: string; name: string }[];
  visits: { id: string; day: string; place: string | null }[];
  labels: ServiceItemFieldLabels;
  actions: { record: Action; update: Action; remove: Action };
}) {
  const t = await getTranslations("service");
  return (
    <Card className="p-4" data-testid="service-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold text-slate-900">{item.name}</h3>
          {item.description ? <p className="text-sm text-slate-700">{item.description}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Badge tone="info">{t(`frequencies.${item.frequency}`)}</Badge>
          {item.overdue ? <Badge tone="bad">{t("overdue")}</Badge> : null}
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("columns.owner")}</dt>
          <dd className="text-slate-900">{item.owner.name}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("columns.nextDue")}</dt>
          <dd className="tabular-nums text-slate-900">{item.nextDueOn}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("columns.lastDelivered")}</dt>
          <dd className="tabular-nums text-slate-900">{item.lastDeliveredOn ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("columns.onTime")}</dt>
          <dd className="tabular-nums text-slate-900">
            {item.onTimeRate === null ? t("notMeasured") : t("onTimeValue", { rate: item.onTimeRate })}
          </dd>
        </div>
      </dl>
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-indigo-800 sm:min-h-0">
          {t("deliveries")} ({item.deliveries.length})
        </summary>
        {item.deliveries.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {item.deliveries.map((d) => (
              <li key={d.id} className="flex flex-wrap gap-x-3">
                <span className="tabular-nums">{d.deliveredOn}</span>
                <span className="text-slate-600">{t("dueOn", { date: d.dueOn })}</span>
                <Badge tone={d.onTime ? "good" : "warn"}>
                  {d.onTime ? t("deliveredOnTime") : t("deliveredLate")}
                </Badge>
                {d.note ? <span className="text-slate-700">{d.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("noDeliveries")}</p>
        )}
      </details>
      {canEdit ? (
        <div className="mt-4 space-y-3 border-t border-slate-200 pt-3">
          <ActionForm action={actions.record} aria-label={t("recordFor", { date: item.nextDueOn })}>
            <input type="hidden" name="itemId" value={item.id} />
            <input type="hidden" name="version" value={item.version} />
            <p className="text-sm font-medium text-slate-900">{t("recordFor", { date: item.nextDueOn })}</p>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField
                name="deliveredOn"
                type="date"
                label={t("fields.deliveredOn")}
                defaultValue={today}
                max={today}
              />
              <SelectField
                name="visitRecordId"
                label={t("fields.visit")}
                placeholder={t("noVisit")}
                options={visits.map((v) => ({
                  value: v.id,
                  label: [v.day, v.place].filter(Boolean).join(" · "),
                }))}
              />
              <TextAreaField name="note" label={t("fields.note")} rows={1} maxLength={1000} />
            </div>
            <SubmitButton>{t("record")}</SubmitButton>
          </ActionForm>
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-indigo-800 sm:min-h-0">
              {t("edit")}
            </summary>
            <ActionForm action={actions.update} className="mt-2" aria-label={`${t("edit")} ${item.name}`}>
              <RecordRef id={item.id} version={item.version} />
              <ServiceItemFields
                labels={labels}
                owners={owners}
                initial={{ ...item, ownerId: item.owner.id }}
              />
              <SubmitButton>{t("save")}</SubmitButton>
            </ActionForm>
            <ActionForm action={actions.remove} className="mt-3" aria-label={`${t("delete")} ${item.name}`}>
              <RecordRef id={item.id} version={item.version} />
              <SubmitButton variant="secondary">{t("delete")}</SubmitButton>
            </ActionForm>
          </details>
        </div>
      ) : null}
    </Card>
  );
}
