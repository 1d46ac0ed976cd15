import { getFormatter, getTranslations } from "next-intl/server";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import type { DistributorDetail } from "@/lib/data/distributors/detail";
import { MEMO_TOPICS } from "@/lib/domain/distributors";
import { addContactAction, addMemoAction, deleteContactAction, deleteMemoAction } from "../actions";

/** 联系人: the distributor's contacts, and for those who edit it, adding and removing them. */
export async function DistributorContacts({ d }: { d: DistributorDetail }) {
  const t = await getTranslations("distributors.contacts");
  return (
    <div className="space-y-3">
      {d.contacts.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {d.contacts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {c.name} {c.title ? <span className="font-normal text-slate-600">· {c.title}</span> : null}{" "}
                  {c.isPrimary ? <Badge tone="info">{t("primary")}</Badge> : null}
                </p>
                <p className="text-slate-700 [overflow-wrap:anywhere]">
                  {[c.phone, c.email, c.wechat ? `${t("wechat")} ${c.wechat}` : null]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {c.note ? <p className="text-slate-600">{c.note}</p> : null}
              </div>
              {d.can.edit ? (
                <ActionForm
                  action={deleteContactAction}
                  aria-label={t("removeLabel", { name: c.name })}
                  className="space-y-0"
                >
                  <RecordRef id={c.id} version={c.version} />
                  <Button
                    type="submit"
                    variant="secondary"
                    size="sm"
                    aria-label={t("removeLabel", { name: c.name })}
                  >
                    {t("remove")}
                  </Button>
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      {d.can.edit ? (
        <Disclosure summary={t("add")}>
          <ActionForm action={addContactAction} aria-label={t("add")} resetOnSuccess>
            <input type="hidden" name="distributorId" value={d.id} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField name="name" label={t("name")} required maxLength={60} />
              <TextField name="title" label={t("title")} maxLength={80} />
              <TextField name="phone" label={t("phone")} type="tel" maxLength={40} />
              <TextField name="email" label={t("email")} type="email" maxLength={254} />
              <TextField name="wechat" label={t("wechat")} maxLength={60} />
            </div>
            <label className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="isPrimary" className="size-4" />
              {t("isPrimary")}
            </label>
            <TextAreaField name="note" label={t("note")} rows={2} />
            <SubmitButton>{t("add")}</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
    </div>
  );
}

/** 合作备忘: memos by topic (channel commitments, current focus, difficulties…), newest first. */
export async function DistributorMemos({ d }: { d: DistributorDetail }) {
  const [t, tt, format] = await Promise.all([
    getTranslations("distributors.memos"),
    getTranslations("distributors.memoTopics"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-3">
      {d.memos.length ? (
        <ul className="space-y-2">
          {d.memos.map((m) => {
            const date = format.dateTime(m.createdAt, { dateStyle: "medium" });
            return (
              <li key={m.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <Badge
                      tone={m.topic === "DIFFICULTY" ? "warn" : m.topic === "COMMITMENT" ? "info" : "neutral"}
                    >
                      {tt(m.topic)}
                    </Badge>
                    {date} · {d.people[m.authorId] ?? ""}
                  </p>
                  {d.can.edit ? (
                    <ActionForm
                      action={deleteMemoAction}
                      aria-label={t("removeLabel", { date })}
                      className="space-y-0"
                    >
                      <RecordRef id={m.id} version={m.version} />
                      <Button type="submit" variant="ghost" size="sm" aria-label={t("removeLabel", { date })}>
                        {t("remove")}
                      </Button>
                    </ActionForm>
                  ) : null}
                </div>
                <p className="mt-1 whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{m.body}</p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      {d.can.edit ? (
        <Disclosure summary={t("add")}>
          <ActionForm action={addMemoAction} aria-label={t("add")} resetOnSuccess>
            <input type="hidden" name="distributorId" value={d.id} />
            <SelectField
              name="topic"
              label={t("topic")}
              defaultValue="GENERAL"
              options={MEMO_TOPICS.map((topic) => ({ value: topic, label: tt(topic) }))}
            />
            <TextAreaField name="body" label={t("body")} rows={3} required maxLength={4000} />
            <SubmitButton>{t("add")}</SubmitButton>
          </ActionForm>
        </Disclosure>
      ) : null}
    </div>
  );
}
