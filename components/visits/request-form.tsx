import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/types";
import type { VisitSettings } from "@/lib/domain/visits";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { GiftFields } from "./gift-fields";

export type RequestFormValues = {
  giftItems?: string;
  recipientContactId?: string;
  amount?: string;
  reason?: string;
  delegation?: string;
  startDate?: string;
  endDate?: string;
  headcount?: string;
  itinerary?: string;
};

/**
 * 礼品馈赠申请表 (items, value, recipient, reason) or 客户接待申请表 (delegation, dates, people,
 * itinerary, budget, reason). A new request carries a client-made id; a returned one its version.
 */
export async function RequestForm({
  kind,
  action,
  account,
  planId,
  clientId,
  record,
  contacts,
  totals,
  settings,
  locale,
  values = {},
}: {
  kind: "GIFT" | "RECEPTION";
  action: (state: ActionState<{ id: string }>, formData: FormData) => Promise<ActionState<{ id: string }>>;
  account: { id: string; name: string };
  planId?: string | null;
  clientId?: string;
  record?: { id: string; version: number };
  contacts: { id: string; name: string }[];
  totals: { account: bigint; perContact: Map<string, bigint> };
  settings: Pick<VisitSettings, "giftYearCapPerContact" | "giftYearCapPerAccount">;
  locale: string;
  values?: RequestFormValues;
}) {
  const t = await getTranslations("visitPlans");
  return (
    <ActionForm action={action} aria-label={t(`requestForm.title${kind}`)} className="space-y-4">
      {record ? <RecordRef id={record.id} version={record.version} /> : null}
      {clientId ? <input type="hidden" name="clientId" value={clientId} /> : null}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="accountId" value={account.id} />
      {planId ? <input type="hidden" name="planId" value={planId} /> : null}
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800">{t("fields.account")}</p>
        <p className="text-sm text-slate-900">{account.name}</p>
      </div>
      {kind === "GIFT" ? (
        <>
          <TextField
            name="giftItems"
            label={t("fields.giftItems")}
            defaultValue={values.giftItems}
            maxLength={500}
          />
          <GiftFields
            locale={locale}
            contacts={contacts}
            totals={{
              account: totals.account.toString(),
              perContact: Object.fromEntries([...totals.perContact].map(([k, v]) => [k, v.toString()])),
            }}
            caps={{
              contact: settings.giftYearCapPerContact.toString(),
              account: settings.giftYearCapPerAccount.toString(),
            }}
            texts={{
              recipient: t("fields.recipient"),
              chooseRecipient: t("requestForm.chooseRecipient"),
              value: t("fields.giftValue"),
              valueHint: t("form.yuanHint"),
              contactTotal: t.raw("giftTotals.contact") as string,
              overContact: t.raw("giftTotals.overContact") as string,
              overAccount: t.raw("giftTotals.overAccount") as string,
            }}
            defaults={{ recipientContactId: values.recipientContactId, amount: values.amount }}
          />
        </>
      ) : (
        <>
          <TextAreaField
            name="delegation"
            label={t("fields.delegation")}
            hint={t("requestForm.delegationHint")}
            defaultValue={values.delegation}
            rows={2}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              name="startDate"
              type="date"
              label={t("fields.startDate")}
              defaultValue={values.startDate}
            />
            <TextField name="endDate" type="date" label={t("fields.endDate")} defaultValue={values.endDate} />
            <TextField
              name="headcount"
              label={t("fields.headcount")}
              inputMode="numeric"
              defaultValue={values.headcount}
            />
          </div>
          <TextAreaField
            name="itinerary"
            label={t("fields.itinerary")}
            defaultValue={values.itinerary}
            rows={3}
          />
          <TextField
            name="amount"
            label={t("fields.budget")}
            hint={t("form.yuanHint")}
            inputMode="decimal"
            defaultValue={values.amount}
          />
        </>
      )}
      <TextAreaField name="reason" label={t("fields.reason")} defaultValue={values.reason} rows={3} />
      <SubmitButton>{record ? t("requestForm.resubmit") : t("requestForm.submit")}</SubmitButton>
    </ActionForm>
  );
}
