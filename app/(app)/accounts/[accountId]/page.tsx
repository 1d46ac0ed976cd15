import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getScoringSettings } from "@/lib/data/account-scores";
import { getAccountDetail } from "@/lib/data/accounts";
import { accountTimeline, listContacts, TIMELINE_PAGE_SIZE } from "@/lib/data/contacts";
import { listAgreements } from "@/lib/data/deals/agreements";
import { listAccountDeals } from "@/lib/data/deals/detail";
import { purchaseVolumeSource } from "@/lib/data/ledger/value";
import { listTerritoryOptions } from "@/lib/data/territories";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { territoryOption } from "@/components/admin/territory-option";
import { AccountHeader } from "./_components/account-header";
import { ContactsSection } from "./_components/contacts-section";
import { DangerSection } from "./_components/danger-section";
import { DealsSection } from "./_components/deals-section";
import { MapSection } from "./_components/map-section";
import { ProfileSection } from "./_components/profile-section";
import { QualificationSection } from "./_components/qualification-section";
import { SectionNav } from "./_components/section-nav";
import { TimelineSection } from "./_components/timeline-section";
import { ValueSection } from "./_components/value-section";
import { PlanVisitLink } from "@/components/visits/plan-visit-link";
import { AccountVisits } from "@/components/visits/account-visits";
import { AccountRevenueTrend } from "@/components/ledger/account-revenue-trend";
import { AccountSatisfactionSection } from "@/components/surveys/account-satisfaction-section";
import { AccountServiceSection } from "@/components/service/account-service-section";
import { AccountHealthPanel } from "@/components/health/account-health-panel";
import { AccountComplaintsSection } from "@/components/complaints/account-complaints-section";

type Params = { params: Promise<{ accountId: string }> };

// One load per request, shared by the metadata and the page.
const loadAccount = cache((viewer: Viewer, id: string) => getAccountDetail(viewer, id));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const viewer = await requireViewer();
  const { accountId } = await params;
  const t = await getTranslations("accountPage");
  try {
    return { title: (await loadAccount(viewer, accountId)).name };
  } catch {
    return { title: t("title") };
  }
}

export default async function AccountPage({
  params,
  searchParams,
}: Params & { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const { accountId } = await params;
  const query = firstValues(await searchParams);
  const activityTake = Math.min(
    Math.max(Number(query.activity) || TIMELINE_PAGE_SIZE, TIMELINE_PAGE_SIZE),
    500,
  );
  const account = await orNotFound(loadAccount(viewer, accountId));
  const [settings, timeline, deletedContacts, territories, deals, agreements, volume] = await Promise.all([
    getScoringSettings(),
    accountTimeline(viewer, account.id, { take: activityTake }),
    listContacts(viewer, account.id, { deleted: true }),
    listTerritoryOptions(),
    listAccountDeals(viewer, account.id),
    listAgreements(viewer, { accountId: account.id }),
    purchaseVolumeSource(account.id),
  ]);

  const deleted = account.deletedAt !== null;
  const canEdit = !deleted && canDo(viewer, "edit", account);
  const mayOverrideGate = hasCapability(viewer, "qualification.override");
  const canOverrideTier = canEdit && hasCapability(viewer, "accounts.overrideTier");

  return (
    <div className="space-y-6">
      <AccountHeader
        account={account}
        viewer={viewer}
        canRestore={deleted && canDo(viewer, "restore", account)}
      />
      <AccountVisits
        viewer={viewer}
        account={account}
        part="bar"
        planLink={deleted ? null : <PlanVisitLink accountId={account.id} />}
      />
      <SectionNav />
      {/* What a person comes for first: the deals, the people and who decides. The rest (value,
          qualification, profile, activity) opens on a tap, except while it is the next thing to
          do (an account not yet assessed or qualified). */}
      <DealsSection
        account={account}
        deals={deals}
        agreements={agreements}
        viewer={viewer}
        canEdit={canEdit}
      />
      <ContactsSection account={account} deletedContacts={deletedContacts} canEdit={canEdit} />
      <MapSection contacts={account.contacts} />
      <AccountVisits viewer={viewer} account={account} part="section" />
      <AccountSatisfactionSection viewer={viewer} account={account} />
      <AccountComplaintsSection viewer={viewer} account={account} />
      <ValueSection
        account={account}
        settings={settings}
        volume={volume}
        canEdit={canEdit}
        canOverrideTier={canOverrideTier}
      />
      <AccountRevenueTrend viewer={viewer} accountId={account.id} />
      {deleted ? null : <AccountHealthPanel viewer={viewer} accountId={account.id} />}
      {deleted ? null : <AccountServiceSection viewer={viewer} accountId={account.id} />}
      <QualificationSection account={account} canEdit={canEdit} mayOverrideGate={mayOverrideGate} />
      <ProfileSection
        account={account}
        canEdit={canEdit}
        territoryOptions={territories.map((row) => territoryOption(row, viewer.locale))}
      />
      <TimelineSection
        rows={timeline.rows}
        more={timeline.more}
        accountId={account.id}
        nextTake={activityTake + 100}
      />
      <DangerSection account={account} canDelete={!deleted && canDo(viewer, "delete", account)} />
    </div>
  );
}
