import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { distributorSurveySendOptions } from "@/lib/data/surveys/send-distributor";
import { surveySendOptions } from "@/lib/data/surveys/send-options";
import { cachedSatisfactionSettings, type SatisfactionSettings } from "@/lib/data/surveys/settings";
import { addDays, chinaDate } from "@/lib/domain/calendar";
import type { Viewer } from "@/lib/domain/access";
import { queryId } from "@/lib/validation/primitives";
import { orNotFound } from "@/components/admin/guard";
import { SendSurveyForm } from "@/components/surveys/send-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sendDistributorSurveyAction, sendSurveyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("surveys.send");
  return { title: t("title") };
}

type Option = { value: string; label: string };

/** What differs between sending to an account and to a distributor: the party, its people, the group. */
async function partyOptions(
  viewer: Viewer,
  q: { account?: string; distributor?: string },
  settings: SatisfactionSettings,
) {
  const accountId = queryId.parse(q.account);
  const distributorId = queryId.parse(q.distributor);
  if (accountId) {
    const [{ account, contacts, templates }, tr, t] = await Promise.all([
      orNotFound(surveySendOptions(viewer, accountId)),
      getTranslations("account"),
      getTranslations("surveys.send"),
    ]);
    const roleLabel = (role: string) => (tr.has(`buyingRoles.${role}`) ? tr(`buyingRoles.${role}`) : role);
    return {
      name: account.name,
      href: `/accounts/${encodeURIComponent(account.id)}`,
      party: { field: "accountId" as const, id: account.id },
      group: {
        value: "decisionMakers" as const,
        label: t("decisionMakers"),
        hint: t("decisionMakersHint"),
        count: contacts.filter((c) => c.buyingRole === "DECISION_MAKER").length,
      },
      contacts: contacts.map((c): Option => ({
        value: c.id,
        label: [c.name, c.title, roleLabel(c.buyingRole)].filter(Boolean).join(" · "),
      })),
      templates,
      defaultTemplate: templates[0]?.id,
      noContacts: t("noContactsYet"),
    };
  }
  if (distributorId) {
    const [{ distributor, contacts, templates }, t] = await Promise.all([
      orNotFound(distributorSurveySendOptions(viewer, distributorId)),
      getTranslations("surveys.distributor"),
    ]);
    return {
      name: distributor.name,
      href: `/distributors/${encodeURIComponent(distributor.id)}`,
      party: { field: "distributorId" as const, id: distributor.id },
      group: {
        value: "allContacts" as const,
        label: t("allContacts"),
        hint: t("allContactsHint"),
        count: contacts.length,
      },
      contacts: contacts.map((c): Option => ({
        value: c.id,
        label: [c.name, c.title].filter(Boolean).join(" · "),
      })),
      templates,
      // The questionnaire the distributor waves use, when it exists.
      defaultTemplate: (
        templates.find((x) => x.code === settings.distributorWaveTemplateCode) ?? templates[0]
      )?.id,
      noContacts: t("noContacts"),
    };
  }
  notFound();
}

/**
 * 发送满意度调研 to people of one account (?account=…) or of one distributor (?distributor=…);
 * only those who may change it.
 */
export default async function NewSurveyPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; distributor?: string }>;
}) {
  const viewer = await requireViewer();
  const [settings, t] = await Promise.all([cachedSatisfactionSettings(), getTranslations("surveys.send")]);
  const p = await partyOptions(viewer, await searchParams, settings);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          <Link href={p.href} className="font-medium underline">
            {p.name}
          </Link>
        }
      />
      <Card className="p-4 sm:p-6">
        <SendSurveyForm
          action={p.party.field === "accountId" ? sendSurveyAction : sendDistributorSurveyAction}
          party={p.party}
          group={p.group}
          templates={p.templates.map((tpl) => ({
            value: tpl.id,
            label: viewer.locale === "en" ? tpl.nameEn : tpl.name,
          }))}
          defaultTemplate={p.defaultTemplate}
          contacts={p.contacts}
          defaultClosesOn={addDays(chinaDate(new Date()), settings.linkValidDays)}
          locales={[
            { value: "zh-CN", label: t("localeZh") },
            { value: "en", label: t("localeEn") },
          ]}
          labels={{
            title: t("title"),
            template: t("template"),
            audience: t("audience"),
            chosen: t("chosen"),
            contacts: t("contacts"),
            closesOn: t("closesOn"),
            locale: t("locale"),
            localeHint: t("localeHint"),
            submit: t("submit"),
            noContacts: p.noContacts,
          }}
        />
      </Card>
    </div>
  );
}
