import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import {
  canEditDistributor,
  canSeeDistributor,
  hasCapability,
  type DistributorParties,
  type Viewer,
} from "@/lib/domain/access";
import type { ConflictRights } from "@/lib/domain/channel-conflicts";
import { notFound } from "@/lib/errors";
import { channelTerritoryIds, distributorScopeWhere } from "../distributors/scope";

// What every conflict-case query shares. A case follows its distributors' scope: whoever may see the
// offending distributor OR the affected one (whose exclusive territory was entered) sees the case,
// so both channel managers work it; an id outside that answers NOT_FOUND.

/** The distributors the viewer may see, or "all" (administrators, the national director). */
export async function visibleDistributorIds(viewer: Viewer, tx: Tx = db): Promise<string[] | "all"> {
  if (viewer.visibleTeamIds === "all") return "all";
  const rows = await tx.distributor.findMany({
    where: await distributorScopeWhere(viewer),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The where clause on ChannelConflict: offending or affected distributor in scope. */
export async function conflictScopeWhere(
  viewer: Viewer,
  tx: Tx = db,
): Promise<Prisma.ChannelConflictWhereInput> {
  const ids = await visibleDistributorIds(viewer, tx);
  if (ids === "all") return {};
  return { OR: [{ distributorId: { in: ids } }, { affectedDistributorId: { in: ids } }] };
}

const partiesSelect = { id: true, ownerId: true, teamId: true, territoryId: true } as const;

/**
 * What the viewer may do on a case between `distributorId` and `affectedId`: null when they see
 * neither party (→ NOT_FOUND); `write` when they keep either distributor; `approve` for a manager
 * who sees it.
 */
export async function conflictRightsFor(
  tx: Tx,
  viewer: Viewer,
  distributorId: string,
  affectedId: string | null,
): Promise<ConflictRights | null> {
  const parties = await tx.distributor.findMany({
    where: { id: { in: [distributorId, ...(affectedId ? [affectedId] : [])] } },
    select: partiesSelect,
  });
  const territories = await channelTerritoryIds(viewer);
  const seen = parties.filter((d: DistributorParties) => canSeeDistributor(viewer, d, territories));
  if (!seen.length) return null;
  return {
    write: seen.some((d) => canEditDistributor(viewer, d, territories)),
    approve: hasCapability(viewer, "channel.approve"),
  };
}

export const caseSelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  openKey: true,
  distributorId: true,
  affectedDistributorId: true,
  accountId: true,
  territoryId: true,
  productId: true,
  causeAnalysis: true,
  outcome: true,
  outcomeAmount: true,
  outcomeNote: true,
  preventionNote: true,
  resolvedAt: true,
  version: true,
} satisfies Prisma.ChannelConflictSelect;

export type CaseForChange = Prisma.ChannelConflictGetPayload<{ select: typeof caseSelect }> & {
  rights: ConflictRights;
};

/** The case for a change inside `tx`, with the viewer's rights on it; NOT_FOUND out of scope. */
export async function conflictForChange(tx: Tx, viewer: Viewer, id: string): Promise<CaseForChange> {
  const row = await tx.channelConflict.findFirst({ where: { id, deletedAt: null }, select: caseSelect });
  if (!row) throw notFound("conflict");
  const rights = await conflictRightsFor(tx, viewer, row.distributorId, row.affectedDistributorId);
  if (!rights) throw notFound("conflict");
  return { ...row, rights };
}

/** Names of distributors for display (ChannelConflict keeps ids, without relations). */
export async function distributorNames(
  tx: Tx,
  ids: readonly (string | null)[],
): Promise<Map<string, { name: string; code: string }>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await tx.distributor.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, code: true },
  });
  return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
}
