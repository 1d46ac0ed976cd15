import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { accountTimeline, TIMELINE_PAGE_SIZE } from "@/lib/data/contacts";
import { getDealDetail } from "@/lib/data/deals/detail";
import { listLostReasons } from "@/lib/data/deals/lost-reasons";
import { listOwnerOptions } from "@/lib/data/people";
import { canDo, type Viewer } from "@/lib/domain/access";
import { orNotFound } from "@/components/admin/guard";
import { firstValues, type RawSearchParams } from "@/components/admin/search-params";
import { DecisionMap } from "@/components/accounts/decision-map";
import { ScrollIntoView } from "@/components/deals/scroll-into-view";
import { Card } from "@/components/ui/card";
import { TimelineSection } from "@/app/(app)/accounts/[accountId]/_components/timeline-section";
import { DealHeader } from "./_components/deal-header";
import { DEAL_SECTIONS, DealNav } from "./_components/deal-nav";
import { GateChecklist } from "./_components/gate-checklist";
import { MovePanel } from "./_components/move-panel";
import { DealOutcome } from "./_components/outcome";
import { PageSection } from "@/components/ui/page-section";
import { StageHistory } from "./_components/stage-history";
import { StageStepper } from "./_components/stage-stepper";
import { StageWork } from "./_components/stage-work";

type Params = { params: Promise<{ dealId: string }> };

// One load per request, shared by the metadata and the page.
const loadDeal = cache((viewer: Viewer, id: string) => getDealDetail(viewer, id));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const viewer = await requireViewer();
  const { dealId } = await params;
  const t = await getTranslations("deal");
  try {
    return { title: (await loadDeal(viewer, dealId)).title };
  } catch {
    return { title: t("title") };
  }
}

/**
 * 开发项目: one deal's campaign through the five stages — where it stands, what its gate still
 * needs, the work of every stage, the moves (and the win that creates the 合作协议), its history,
 * the account's decision-maker map and timeline.
 */
export default async function DealPage({
  params,
  searchParams,
}: Params & { searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireViewer();
  const { dealId } = await params;
  const query = firstValues(await searchParams);
  const activityTake = Math.min(
    Math.max(Number(query.activity) || TIMELINE_PAGE_SIZE, TIMELINE_PAGE_SIZE),
    500,
  );
  const deal = await orNotFound(loadDeal(viewer, dealId));
  const open = deal.status === "OPEN";
  const editable = open && deal.canEdit;
  const [t, timeline, owners, lostReasons] = await Promise.all([
    getTranslations("deal"),
    accountTimeline(viewer, deal.account.id, { take: activityTake }),
    editable ? listOwnerOptions(viewer) : Promise.resolve([]),
    editable ? listLostReasons() : Promise.resolve([]),
  ]);
  const now = new Date();
  const winRequested = query.win === "1";

  return (
    <div className="space-y-6">
      <DealHeader
        deal={deal}
        locale={viewer.locale}
        viewerId={viewer.id}
        canDelete={canDo(viewer, "delete", deal)}
        now={now}
      />
      <StageStepper stage={deal.stage} status={deal.status} />
      <DealNav sections={open ? DEAL_SECTIONS : DEAL_SECTIONS.filter((s) => s !== "checklist")} />
      <DealOutcome deal={deal} locale={viewer.locale} />

      {open ? (
        <PageSection id="checklist" title={t("sections.checklist")} description={t("checklist.description")}>
          <GateChecklist
            stage={deal.stage}
            checklist={deal.checklist}
            accountId={deal.account.id}
            minStrength={deal.settings.minDecisionMakerStrength}
            canOverride={deal.canOverride}
          />
          {editable ? (
            <MovePanel
              deal={deal}
              lostReasons={lostReasons}
              locale={viewer.locale}
              winRequested={winRequested}
              now={now}
            />
          ) : null}
          {winRequested && editable ? (
            <ScrollIntoView targetId={deal.stage === "CLOSING" ? "win" : "move-forward"} />
          ) : null}
        </PageSection>
      ) : null}

      <PageSection id="work" title={t("sections.work")} description={t("work.description")}>
        <StageWork deal={deal} editable={editable} owners={owners} />
      </PageSection>

      <PageSection id="history" title={t("sections.history")} description={t("history.description")}>
        <StageHistory deal={deal} />
      </PageSection>

      <PageSection id="map" title={t("sections.map")} description={t("map.description")}>
        <Card className="p-4">
          <DecisionMap
            contacts={deal.account.contacts}
            linkPrefix={`/accounts/${encodeURIComponent(deal.account.id)}#contact-`}
          />
        </Card>
      </PageSection>

      <TimelineSection
        rows={timeline.rows}
        more={timeline.more}
        accountId={deal.account.id}
        nextTake={activityTake + 100}
      />
    </div>
  );
}
