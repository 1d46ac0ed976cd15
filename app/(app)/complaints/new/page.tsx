import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { complaintFormOptions } from "@/lib/data/complaints/detail";
import { fromDbDate } from "@/lib/domain/calendar";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from "@/lib/domain/complaints";
import { queryId } from "@/lib/validation/primitives";
import { recordComplaintAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complaints");
  return { title: t("newTitle") };
}

type Search = Promise<{ accountId?: string; channel?: string; visitRecordId?: string }>;

/**
 * 登记投诉: anyone records a complaint on an account they see and becomes its first-responsibility
 * owner. The account is chosen first (a plain GET form, so its contacts, deals and agreements load
 * without client code); a visit record links here with the account and channel filled in.
 */
export default async function NewComplaintPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const accountId = queryId.parse(sp.accountId);
  const channel = (COMPLAINT_CHANNELS as readonly string[]).includes(sp.channel ?? "") ? sp.channel : "CALL";
  const visitRecordId = queryId.parse(sp.visitRecordId);
  const [o, t] = await Promise.all([complaintFormOptions(viewer, accountId), getTranslations("complaints")]);
  const label = t as unknown as (key: string) => string;
  const opts = (values: readonly string[], ns: string) =>
    values.map((v) => ({ value: v, label: label(`${ns}.${v}`) }));

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      <Card className="p-4">
        <form
          method="get"
          action="/complaints/new"
          className="flex flex-wrap items-end gap-2"
          aria-label={t("fields.chooseAccount")}
        >
          <input type="hidden" name="channel" value={channel} />
          {visitRecordId ? <input type="hidden" name="visitRecordId" value={visitRecordId} /> : null}
          <label className="min-w-0 flex-1 text-sm">
            <span className="mb-1 block font-medium text-slate-800">{t("fields.account")}</span>
            <Select name="accountId" defaultValue={o.account?.id ?? ""} required>
              <option value="">{t("fields.chooseAccount")}</option>
              {o.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("loadAccount")}
          </button>
        </form>
      </Card>
      {o.account ? (
        <Card className="p-4">
          <ActionForm action={recordComplaintAction} aria-label={t("newTitle")}>
            <input type="hidden" name="accountId" value={o.account.id} />
            {visitRecordId ? <input type="hidden" name="visitRecordId" value={visitRecordId} /> : null}
            <p className="text-sm text-slate-700">
              {t("fields.account")}: <strong>{o.account.name}</strong>
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                name="channel"
                label={t("fields.channel")}
                defaultValue={channel}
                options={opts(COMPLAINT_CHANNELS, "channel")}
              />
              <SelectField
                name="category"
                label={t("fields.category")}
                defaultValue="QUALITY"
                options={opts(COMPLAINT_CATEGORIES, "category")}
              />
              <SelectField
                name="severity"
                label={t("fields.severity")}
                defaultValue="MEDIUM"
                options={opts(COMPLAINT_SEVERITIES, "severity")}
              />
            </div>
            <TextField name="title" label={t("fields.title")} maxLength={200} required />
            <TextAreaField
              name="customerWords"
              label={t("fields.customerWords")}
              hint={t("fields.customerWordsHint")}
              rows={4}
              maxLength={4000}
              required
            />
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-800">{t("fields.contacts")}</legend>
              {o.contacts.length === 0 ? (
                <p className="text-sm text-slate-600">{t("fields.noContacts")}</p>
              ) : (
                <ul className="grid gap-1 sm:grid-cols-2">
                  {o.contacts.map((c) => (
                    <li key={c.id}>
                      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                        <input type="checkbox" name="contactIds" value={c.id} className="size-4" />
                        {c.name}
                        {c.title ? <span className="text-slate-600">· {c.title}</span> : null}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="dealId"
                label={t("fields.deal")}
                placeholder={t("fields.none")}
                options={o.deals.map((d) => ({ value: d.id, label: d.title }))}
              />
              <SelectField
                name="agreementId"
                label={t("fields.agreement")}
                placeholder={t("fields.none")}
                options={o.agreements.map((a) => ({
                  value: a.id,
                  label: `${fromDbDate(a.startDate)} – ${fromDbDate(a.endDate)}`,
                }))}
              />
            </div>
            <SelectField
              name="handlerId"
              label={t("fields.handlerNow")}
              placeholder={t("fields.noHandler")}
              options={o.people
                .filter((p) => p.id !== viewer.id)
                .map((p) => ({ value: p.id, label: p.name }))}
            />
            <label className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="sendSurveyOnClose" defaultChecked className="size-4" />
              {t("fields.sendSurveyOnClose")}
            </label>
            <div>
              <SubmitButton>{t("new")}</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
