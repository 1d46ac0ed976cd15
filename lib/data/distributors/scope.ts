import "server-only";
import { cache } from "react";
import { db, Prisma } from "@/lib/db";
import {
  canEditDistributor,
  canSeeDistributor,
  distributorScopeOf,
  type DistributorParties,
  type Viewer,
} from "@/lib/domain/access";
import { forbidden, notFound } from "@/lib/errors";
import { territorySubtree } from "../territories";

// Who sees which distributor, as one set of functions every channel module uses: the list, the
// board, agreements, statements, sales reports, receivables and conflict cases all follow their
// distributor's scope. The rule itself is canSeeDistributor (lib/domain/access.ts).

/**
 * The territories a channel manager covers: the assigned ones and every territory below them.
 * Empty for everyone else (their scope is by team).
 */
export async function channelTerritoryIds(viewer: Viewer): Promise<string[]> {
  if (distributorScopeOf(viewer) !== "territories") return [];
  return [...(await assignedSubtrees(viewer.id))]; // a copy: callers may not share the cached list
}

// Once per request: a distributor's page asks for it in its profile and each of its five sections.
const assignedSubtrees = cache(async (userId: string): Promise<string[]> => {
  const assigned = await db.channelTerritoryAssignment.findMany({
    where: { userId, territory: { deletedAt: null } },
    select: { territoryId: true },
  });
  const all = new Set<string>();
  for (const a of assigned) for (const id of await territorySubtree(a.territoryId)) all.add(id);
  return [...all];
});

/** The where clause on Distributor matching canSeeDistributor (an integration test holds them equal). */
export async function distributorScopeWhere(viewer: Viewer): Promise<Prisma.DistributorWhereInput> {
  if (viewer.visibleTeamIds === "all") return {};
  const byTerritoryOrTeam: Prisma.DistributorWhereInput =
    distributorScopeOf(viewer) === "territories"
      ? { territoryId: { in: await channelTerritoryIds(viewer) } }
      : { teamId: { in: [...viewer.visibleTeamIds] } };
  return { OR: [{ ownerId: viewer.id }, byTerritoryOrTeam] };
}

/** The same scope as SQL, for the hand-written queries (`alias` is the Distributor table's alias). */
export async function distributorScopeSql(viewer: Viewer, alias: string): Promise<Prisma.Sql> {
  if (viewer.visibleTeamIds === "all") return Prisma.sql`TRUE`;
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  if (distributorScopeOf(viewer) === "territories") {
    const territories = await channelTerritoryIds(viewer);
    return Prisma.sql`(${t}."ownerId" = ${viewer.id} OR ${t}."territoryId" = ANY(${territories}::text[]))`;
  }
  return Prisma.sql`(${t}."ownerId" = ${viewer.id} OR ${t}."teamId" = ANY(${[...viewer.visibleTeamIds]}::text[]))`;
}

const partiesSelect = {
  id: true,
  ownerId: true,
  teamId: true,
  territoryId: true,
  deletedAt: true,
} satisfies Prisma.DistributorSelect;

export type DistributorRef = DistributorParties & { id: string; deletedAt: Date | null };

// A distributor's page asks for the same distributor's parties in each of its seven sections at
// once: reads started while one is in flight share it (and the map forgets it when it settles, so
// nothing is cached beyond that moment). Edits read for themselves, inside their transaction.
const partiesInFlight = new Map<string, Promise<DistributorRef | null>>();
function sharedPartiesRead(id: string): Promise<DistributorRef | null> {
  let read = partiesInFlight.get(id);
  if (!read) {
    read = db.distributor
      .findUnique({ where: { id }, select: partiesSelect })
      .finally(() => partiesInFlight.delete(id));
    partiesInFlight.set(id, read);
  }
  return read;
}

/**
 * Loads the distributor `id` for `action`, or throws: NOT_FOUND when the viewer may not see it (or
 * it is deleted, unless `deleted` is asked for), FORBIDDEN when they see it but may not edit it.
 */
export async function loadDistributorFor(
  viewer: Viewer,
  id: string,
  action: "read" | "edit",
  opts: { deleted?: boolean; tx?: Prisma.TransactionClient } = {},
): Promise<DistributorRef> {
  const row = await (opts.tx || action === "edit"
    ? (opts.tx ?? db).distributor.findUnique({ where: { id }, select: partiesSelect })
    : sharedPartiesRead(id));
  if (!row || (row.deletedAt && !opts.deleted)) throw notFound("distributor");
  const territories = await channelTerritoryIds(viewer);
  if (!canSeeDistributor(viewer, row, territories)) throw notFound("distributor");
  if (action === "edit" && !canEditDistributor(viewer, row, territories)) throw forbidden();
  return { ...row }; // the row may be shared with concurrent callers: each gets its own copy
}

/**
 * Runs a page section's `reads` beside the check that the viewer may see distributor `id`, and
 * hands them over only once the check passed (it throws NOT_FOUND otherwise, and what was read is
 * dropped). Reads only: a section then costs one round trip where the check and its queries took two.
 */
export async function readBesideCheck<T>(
  viewer: Viewer,
  id: string,
  reads: () => Promise<T>,
  opts: { deleted?: boolean } = {},
): Promise<[DistributorRef, T]> {
  return Promise.all([loadDistributorFor(viewer, id, "read", opts), reads()]);
}
