// Fixtures for the conflict-case tests: fresh distributors in the demo regions (so the demo cases
// stay as seeded), the demo channel managers and managers as viewers, and small input builders.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { openConflict } from "@/lib/data/channel-conflicts/write";
import type { OpenConflictInput, ResolveConflictInput } from "@/lib/validation/channel-conflicts";
import { distributorRow } from "../../factories/channel";
import { viewerFor } from "../helpers";

export const territoryId = async (code: string) =>
  (await db.territory.findFirstOrThrow({ where: { code }, select: { id: true } })).id;

/** A signed distributor of `region` at home in the city `city`, kept by the region's channel manager. */
export async function distributorIn(region: "east" | "north" | "south", city: string) {
  return db.distributor.create({
    data: distributorRow({
      territoryId: await territoryId(city),
      ownerId: `usr_${region}_channel`,
      teamId: `team_${region}`,
      stage: "SIGNED",
    }),
    select: { id: true, name: true },
  });
}

export async function people() {
  const [eastChannel, eastManager, northChannel, southChannel] = await Promise.all([
    viewerFor("usr_east_channel"),
    viewerFor("usr_east_manager"),
    viewerFor("usr_north_channel"),
    viewerFor("usr_south_channel"),
  ]);
  return { eastChannel, eastManager, northChannel, southChannel };
}

export const versionOf = async (id: string) =>
  (await db.channelConflict.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

export function openInput(
  over: Partial<OpenConflictInput> & Pick<OpenConflictInput, "distributorId">,
): OpenConflictInput {
  return {
    kind: "CROSS_TERRITORY",
    affectedDistributorId: null,
    territoryId: null,
    productId: null,
    accountId: null,
    summary: "向外区客户供货",
    ...over,
  };
}

export async function open(viewer: Viewer, over: Parameters<typeof openInput>[0]) {
  return openConflict(viewer, openInput(over));
}

export async function resolveInput(
  id: string,
  over: Partial<Omit<ResolveConflictInput, "id" | "version">> = {},
): Promise<ResolveConflictInput> {
  return {
    id,
    version: await versionOf(id),
    outcome: "REBATE_DEDUCTION",
    outcomeAmount: 5_000_00n,
    outcomeNote: null,
    causeAnalysis: null,
    preventionNote: null,
    ...over,
  };
}
