import "server-only";
import { db } from "@/lib/db";
import { canDo, hasCapability, type Viewer } from "@/lib/domain/access";
import { gateChecklist, isWeakDecisionMaker } from "@/lib/domain/pipeline";
import { scopeWhere } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { asObstacles, asProgramme, gateInput, type ContactSummary } from "./gate-input";
import { cachedPipelineSettings } from "./settings";

// Reading one deal: the deal page (all five stages' work, the gate checklist, history, the
// decision-maker map) and the account page's list of its deals.

const yuan = (fen: bigint | null) => (fen === null ? null : Number(fen) / 100);

export async function getDealDetail(viewer: Viewer, id: string, now = new Date()) {
  const deal = await db.deal.findFirst({
    where: { id, ...scopeWhere(viewer), deletedAt: null },
    include: {
      owner: { select: { id: true, name: true, jobTitle: true } },
      team: { select: { id: true, name: true, nameZh: true } },
      lostReason: { select: { id: true, name: true, nameEn: true } },
      account: {
        select: {
          id: true,
          name: true,
          tier: true,
          lifecycle: true,
          ownerId: true,
          teamId: true,
          contacts: { where: { deletedAt: null }, orderBy: [{ influence: "desc" }, { name: "asc" }] },
        },
      },
      agreement: true,
      stageChanges: {
        orderBy: { createdAt: "asc" },
        include: { actor: { select: { id: true, name: true } } },
      },
    },
  });
  if (!deal) throw notFound("deal");
  const settings = await cachedPipelineSettings();
  const dms = deal.account.contacts.filter((c) => c.buyingRole === "DECISION_MAKER");
  const people: ContactSummary = {
    coachCount: deal.account.contacts.filter((c) => c.buyingRole === "COACH").length,
    decisionMakers: dms.length,
    weakDecisionMakers: dms.filter((c) => isWeakDecisionMaker(c, settings.minDecisionMakerStrength)).length,
  };
  const gate = gateInput(deal, people);
  // Programme step owners are user ids; the page shows names.
  const ownerIds = [...new Set(asProgramme(deal.programme).map((s) => s.ownerId))];
  const stepOwners = ownerIds.length
    ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })
    : [];
  // Each transition with the days the deal had spent in the stage it left.
  const history = deal.stageChanges.map((c, i) => {
    const previous = deal.stageChanges[i - 1];
    const daysInFrom = previous
      ? Math.max(0, Math.floor((c.createdAt.getTime() - previous.createdAt.getTime()) / 86_400_000))
      : null;
    return { ...c, daysInFrom };
  });
  return {
    ...deal,
    expectedValueYuan: Number(deal.expectedValue) / 100,
    expectedDevCostYuan: yuan(deal.expectedDevCost),
    obstacleList: asObstacles(deal.obstacles),
    programmeSteps: asProgramme(deal.programme).map((s) => ({
      ...s,
      ownerName: stepOwners.find((u) => u.id === s.ownerId)?.name ?? null,
    })),
    history,
    checklist: deal.status === "OPEN" ? gateChecklist(deal.stage, gate) : [],
    /** What every stage's gate reads (the board's panel checks the gates a move would pass). */
    gate,
    decisionMakers: dms.map((c) => ({
      id: c.id,
      version: c.version,
      name: c.name,
      title: c.title,
      relationshipStrength: c.relationshipStrength,
      approach: c.approach,
      weak: isWeakDecisionMaker(c, settings.minDecisionMakerStrength),
    })),
    settings,
    daysInStage: Math.max(0, Math.floor((now.getTime() - deal.stageEnteredAt.getTime()) / 86_400_000)),
    canEdit: canDo(viewer, "edit", deal),
    canOverride: hasCapability(viewer, "pipeline.override"),
  };
}

export type DealDetail = Awaited<ReturnType<typeof getDealDetail>>;

/** The account's deals (newest first) for the account page. NOT_FOUND when the account is out of scope. */
export async function listAccountDeals(viewer: Viewer, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, ...scopeWhere(viewer) },
    select: { id: true },
  });
  if (!account) throw notFound("account");
  return db.deal.findMany({
    where: { accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: {
      id: true,
      title: true,
      stage: true,
      status: true,
      expectedValue: true,
      expectedCloseDate: true,
      stageEnteredAt: true,
      closedAt: true,
      owner: { select: { id: true, name: true } },
      version: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}
