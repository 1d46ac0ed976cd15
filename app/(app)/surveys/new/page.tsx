import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { surveySendOptions } from "@/lib/data/surveys/send-options";
import { cachedSatisfactionSettings } from "@/lib/data/surveys/settings";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import { queryId } from "@/lib/validation/primitives";
import { orNotFound } from "@/components/admin/guard";
import { SendSurveyForm } from "@/components/surveys/send-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sendSurveyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.send");
  return { title: t("title") };
}

/** 发送满意度调研 to people of one account (?account=…); only those who may edit the account. */
export default async function NewSurveyPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string }>;
}) {
  const viewer = await requireViewer();
  const accountId = queryId.parse((await searchParams).account);
  if (!accountId) notFound();
  const [{ account, contacts, templates }, settings, t, tr] = await Promise.all([
    orNotFound(surveySendOptions(viewer, accountId)),
    cachedSatisfactionSettings(),
    getTranslations("surveys.send"),
    getTranslations("account"),
  ]);
  const roleLabel = (role: string) => (tr.has(`buyingRoles.${role}`) ? tr(`buyingRoles.${role}`) : role);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          <Link href={`/accounts/${encodeURIComponent(account.id)}`} className="font-medium underline">
            {account.name}
          </Link>
        }
      />
      <Card className="p-4 sm:p-6">
        <SendSurveyForm
          action={sendSurveyAction}
          accountId={account.id}
          templates={templates.map((tpl) => ({
            value: tpl.id,
            label: viewer.locale === "en" ? tpl.nameEn : tpl.name,
          }))}
          contacts={contacts.map((c) => ({
            value: c.id,
            label: [c.name, c.title, roleLabel(c.buyingRole)].filter(Boolean).join(" · "),
            decisionMaker: c.buyingRole === "DECISION_MAKER",
          }))}
          decisionMakers={contacts.filter((c) => c.buyingRole === "DECISION_MAKER").length}
          defaultClosesOn={addDays(chinaDate(new Date()), settings.linkValidDays)}
          locales={[
            { value: "zh-CN", label: t("localeZh") },
            { value: "en", label: t("localeEn") },
          ]}
          labels={{
            title: t("title"),
            template: t("template"),
            audience: t("audience"),
            decisionMakers: t("decisionMakers"),
            decisionMakersHint: t("decisionMakersHint"),
            chosen: t("chosen"),
            contacts: t("contacts"),
            closesOn: t("closesOn"),
            locale: t("locale"),
            localeHint: t("localeHint"),
            submit: t("submit"),
            noContacts: t("noContactsYet"),
          }}
        />
      </Card>
    </div>
  );
}
