import "server-only";
import { db, type Prisma } from "@/lib/db";
import { canDo, canEditDistributor, type Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { channelTerritoryIds, distributorScopeWhere } from "../distributors/scope";

// A survey belongs to a party: a key account (客户满意度) or a distributor (渠道满意度). Who may see
// and change it follows the party's own rules — the account's owner/team scope, or the
// distributor's channel scope — so every survey query asks here instead of joining Account itself.

export type SurveyPartyKind = "account" | "distributor";

/** Surveys whose party the viewer may see (and that is not deleted). */
export async function surveyScopeWhere(viewer: Viewer): Promise<Prisma.SurveyWhereInput> {
  return {
    OR: [
      { account: { deletedAt: null, ...scopeWhere(viewer) } },
      { distributor: { deletedAt: null, ...(await distributorScopeWhere(viewer)) } },
    ],
  };
}

const PARTY_SELECT = {
  account: { select: { id: true, name: true, ownerId: true, teamId: true } },
  distributor: { select: { id: true, name: true, ownerId: true, teamId: true, territoryId: true } },
} as const;

type PartyRows = {
  account: { id: string; name: string; ownerId: string; teamId: string } | null;
  distributor: { id: string; name: string; ownerId: string; teamId: string; territoryId: string } | null;
};

/** The party as pages show it: its kind, id, name and where its page is. */
export function partyOf(s: PartyRows): { kind: SurveyPartyKind; id: string; name: string; href: string } {
  if (s.account)
    return { kind: "account", id: s.account.id, name: s.account.name, href: `/accounts/${s.account.id}` };
  const d = s.distributor!;
  return { kind: "distributor", id: d.id, name: d.name, href: `/distributors/${d.id}` };
}

/** May the viewer change a survey of this party (send, revoke links, e-mail them)? */
export async function canChangeSurveyOf(viewer: Viewer, s: PartyRows): Promise<boolean> {
  if (s.account) return canDo(viewer, "edit", s.account);
  return canEditDistributor(viewer, s.distributor!, await channelTerritoryIds(viewer));
}

/**
 * The survey `id` with its party, for a change: NOT_FOUND outside the viewer's scope, FORBIDDEN when
 * they see it but may not change it.
 */
export async function surveyForChange(viewer: Viewer, id: string) {
  const survey = await db.survey.findFirst({
    where: { id, deletedAt: null, ...(await surveyScopeWhere(viewer)) },
    include: PARTY_SELECT,
  });
  if (!survey) throw notFound("survey");
  if (!(await canChangeSurveyOf(viewer, survey))) throw forbidden();
  return survey;
}

export { PARTY_SELECT as SURVEY_PARTY_SELECT };
