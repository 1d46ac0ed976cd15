import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import type { ContactRow } from "@/lib/data/contacts";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { RoleChip, StanceMark, StrengthDots } from "@/components/accounts/contact-style";
import { Card, CardHeader } from "@/components/ui/card";
import {
  createContactAction,
  deleteContactAction,
  restoreContactAction,
  updateContactAction,
} from "../actions";
import { ContactFields } from "./contact-fields";
import { Disclosure } from "@/components/ui/disclosure";
import { Field } from "@/components/ui/page-section";
import { Section } from "./section";
import { RecordRef } from "@/components/forms/record-ref";

/** Everyone below `id` in the reporting lines (they cannot become its manager). */
function below(id: string, contacts: ContactRow[]): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const current = stack.pop()!;
    for (const c of contacts) {
      if (c.reportsToId === current && !out.has(c.id)) {
        out.add(c.id);
        stack.push(c.id);
      }
    }
  }
  return out;
}

/** 联系人: the people at the account, what we know about them and how to approach them. */
export async function ContactsSection({
  account,
  deletedContacts,
  canEdit,
}: {
  account: AccountDetail;
  deletedContacts: ContactRow[];
  canEdit: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const contacts = account.contacts;
  const nameOf = new Map(contacts.map((c) => [c.id, c.name]));
  const option = (c: ContactRow) => ({
    value: c.id,
    label: [c.name, c.title].filter(Boolean).join(" · "),
  });
  const managerOptions = (c?: ContactRow) => {
    const excluded = c ? below(c.id, contacts).add(c.id) : new Set<string>();
    return contacts.filter((x) => !excluded.has(x.id)).map(option);
  };
  const none = <span className="text-slate-500">{t("none")}</span>;

  return (
    <Section id="contacts" title={t("sections.contacts")} description={t("contacts.description")}>
      <Card>
        <CardHeader title={t("contacts.listTitle", { count: contacts.length })} />
        {contacts.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("contacts.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {contacts.map((c) => (
              <li key={c.id} id={`contact-${c.id}`} className="scroll-mt-28 p-4">
                <article aria-labelledby={`contact-${c.id}-name`} className="space-y-3">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <h3 id={`contact-${c.id}-name`} className="text-base font-semibold text-slate-900">
                      {c.name}
                    </h3>
                    <RoleChip role={c.buyingRole} label={ta(`buyingRoles.${c.buyingRole}`)} />
                    <StanceMark stance={c.stance} label={ta(`stances.${c.stance}`)} />
                  </div>
                  {c.title || c.department ? (
                    <p className="-mt-2 text-sm text-slate-700">
                      {[c.title, c.department].filter(Boolean).join(" · ")}
                    </p>
                  ) : null}
                  <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
                    <Field label={t("contacts.fields.influence")}>
                      {t("contacts.outOfFive", { value: c.influence })}
                    </Field>
                    <Field label={t("contacts.fields.relationshipStrength")}>
                      <span className="inline-flex items-center gap-2">
                        <StrengthDots
                          value={c.relationshipStrength}
                          label={t("map.strengthAlt", { value: c.relationshipStrength })}
                        />
                        <span aria-hidden="true">{c.relationshipStrength}/5</span>
                      </span>
                    </Field>
                    <Field label={t("contacts.fields.reportsTo")}>
                      {c.reportsToId && nameOf.has(c.reportsToId) ? nameOf.get(c.reportsToId) : none}
                    </Field>
                    <Field label={t("contacts.fields.phone")}>
                      {c.phone ? (
                        <a
                          href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}
                          className="text-indigo-800 underline underline-offset-2"
                        >
                          {c.phone}
                        </a>
                      ) : (
                        none
                      )}
                    </Field>
                    <Field label={t("contacts.fields.email")}>
                      {c.email ? (
                        <a
                          href={`mailto:${c.email}`}
                          className="break-all text-indigo-800 underline underline-offset-2"
                        >
                          {c.email}
                        </a>
                      ) : (
                        none
                      )}
                    </Field>
                  </dl>
                  {/* Background, how to approach them, edit and delete: one row of taps, so the list of
                      people stays short; an open one takes the full width. */}
                  <div className="flex flex-wrap items-start gap-x-6 gap-y-1">
                    <Disclosure
                      summary={t("layout.contactMore", { name: c.name })}
                      className="open:basis-full"
                    >
                      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
                        <Field label={t("contacts.fields.hometown")}>{c.hometown ?? none}</Field>
                        <Field label={t("contacts.fields.school")}>{c.school ?? none}</Field>
                        <Field label={t("contacts.fields.birthday")}>
                          {c.birthday
                            ? format.dateTime(c.birthday, { dateStyle: "medium", timeZone: "UTC" })
                            : none}
                        </Field>
                        {c.personality ? (
                          <Field
                            label={t("contacts.fields.personality")}
                            className="col-span-2 sm:col-span-3 lg:col-span-4"
                          >
                            <span className="whitespace-pre-line">{c.personality}</span>
                          </Field>
                        ) : null}
                        {c.approach ? (
                          <Field
                            label={t("contacts.fields.approach")}
                            className="col-span-2 sm:col-span-3 lg:col-span-4"
                          >
                            <span className="whitespace-pre-line">{c.approach}</span>
                          </Field>
                        ) : null}
                        {c.notes ? (
                          <Field
                            label={t("contacts.fields.notes")}
                            className="col-span-2 sm:col-span-3 lg:col-span-4"
                          >
                            <span className="whitespace-pre-line">{c.notes}</span>
                          </Field>
                        ) : null}
                      </dl>
                    </Disclosure>
                    {canEdit ? (
                      <>
                        <Disclosure
                          summary={t("contacts.edit", { name: c.name })}
                          className="open:basis-full"
                          lazy
                        >
                          <ActionForm
                            action={updateContactAction}
                            aria-label={t("contacts.edit", { name: c.name })}
                            className="space-y-6"
                          >
                            <RecordRef id={c.id} version={c.version} />
                            <ContactFields contact={c} reportsToOptions={managerOptions(c)} />
                            <SubmitButton>{t("contacts.save")}</SubmitButton>
                          </ActionForm>
                        </Disclosure>
                        <Disclosure
                          summary={t("contacts.delete", { name: c.name })}
                          tone="danger"
                          className="open:basis-full"
                          lazy
                        >
                          <div className="space-y-2 text-sm text-slate-700">
                            <p>{t("contacts.deleteBody")}</p>
                            <RefActionForm
                              action={deleteContactAction}
                              id={c.id}
                              version={c.version}
                              buttonLabel={t("contacts.deleteButton")}
                              label={t("contacts.delete", { name: c.name })}
                              variant="danger"
                            />
                          </div>
                        </Disclosure>
                      </>
                    ) : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {canEdit ? (
        <Card>
          <CardHeader title={t("contacts.addTitle")} />
          <div className="p-4">
            <Disclosure summary={t("contacts.addOpen")} open={contacts.length === 0} lazy>
              <ActionForm
                action={createContactAction}
                aria-label={t("contacts.addTitle")}
                className="space-y-6"
                resetOnSuccess
              >
                <input type="hidden" name="accountId" value={account.id} />
                <ContactFields reportsToOptions={managerOptions()} />
                <SubmitButton>{t("contacts.add")}</SubmitButton>
              </ActionForm>
            </Disclosure>
          </div>
        </Card>
      ) : null}

      {canEdit && deletedContacts.length ? (
        <Card>
          <CardHeader title={t("contacts.deletedTitle", { count: deletedContacts.length })} />
          <ul className="divide-y divide-slate-100">
            {deletedContacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{c.name}</span>
                  {c.title ? <span className="text-slate-600"> · {c.title}</span> : null}
                </span>
                <RefActionForm
                  action={restoreContactAction}
                  id={c.id}
                  version={c.version}
                  buttonLabel={t("contacts.restore")}
                  label={t("contacts.restoreLabel", { name: c.name })}
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </Section>
  );
}
