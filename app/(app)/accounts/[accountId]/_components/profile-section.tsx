import { getFormatter, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { fenToYuan } from "@/lib/domain/money";
import { yuan } from "@/components/deals/format";
import { ProfileFields } from "@/components/accounts/profile-fields";
import { Card } from "@/components/ui/card";
import { checkCreditCodeAction } from "../../new/actions";
import { updateProfileAction } from "../actions";
import { Disclosure } from "@/components/ui/disclosure";
import { Field } from "@/components/ui/page-section";
import { Section } from "./section";
import { RecordRef } from "@/components/forms/record-ref";

/** 客户档案: the profile as read, and (for those who may edit) the form to change it. */
export async function ProfileSection({
  account,
  canEdit,
  territoryOptions,
}: {
  account: AccountDetail;
  canEdit: boolean;
  territoryOptions: { value: string; label: string }[];
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("accountPage"),
    getTranslations("account"),
    getFormatter(),
  ]);
  const none = <span className="text-slate-500">{t("none")}</span>;
  const text = (v: string | null) => (v ? <span className="whitespace-pre-line">{v}</span> : none);
  const revenue = fenToYuan(account.annualRevenue);
  const website = account.website
    ? /^https?:\/\//i.test(account.website)
      ? account.website
      : `https://${account.website}`
    : null;

  return (
    <Section id="profile" title={t("sections.profile")} collapsible>
      <Card className="p-4">
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label={ta("fields.legalRepresentative")}>{text(account.legalRepresentative)}</Field>
          <Field label={ta("fields.sizeBand")}>
            {account.sizeBand ? ta(`sizeBands.${account.sizeBand}`) : none}
          </Field>
          <Field label={ta("fields.headcount")}>
            {account.headcount !== null ? format.number(account.headcount) : none}
          </Field>
          <Field label={ta("fields.annualRevenue")}>{revenue !== null ? yuan(format, revenue) : none}</Field>
          <Field label={ta("fields.address")}>{text(account.address)}</Field>
          <Field label={ta("fields.website")}>
            {website ? (
              <a
                href={website}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-indigo-800 underline underline-offset-2"
              >
                {account.website}
              </a>
            ) : (
              none
            )}
          </Field>
          <Field label={ta("fields.shareholderBackground")} className="sm:col-span-2 lg:col-span-3">
            {text(account.shareholderBackground)}
          </Field>
          <Field label={ta("fields.orgStructureNotes")} className="sm:col-span-2 lg:col-span-3">
            {text(account.orgStructureNotes)}
          </Field>
          <Field label={ta("fields.industryStanding")} className="sm:col-span-2 lg:col-span-3">
            {text(account.industryStanding)}
          </Field>
        </dl>
        {canEdit ? (
          <Disclosure summary={t("profile.edit")} className="mt-4 border-t border-slate-200 pt-4" lazy>
            <ActionForm action={updateProfileAction} aria-label={t("profile.edit")} className="space-y-6">
              <RecordRef id={account.id} version={account.version} />
              <ProfileFields
                values={account}
                territoryOptions={territoryOptions}
                checkCreditCode={checkCreditCodeAction}
              />
              <SubmitButton>{t("profile.save")}</SubmitButton>
            </ActionForm>
          </Disclosure>
        ) : null}
      </Card>
    </Section>
  );
}
