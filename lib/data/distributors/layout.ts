import "server-only";
import { db } from "@/lib/db";
import { distributorScopeOf, type Viewer } from "@/lib/domain/access";
import { channelLayout, type LayoutRow } from "@/lib/domain/distributors";
import { toTreeOrder, type TerritoryNode } from "../territories";
import { channelTerritoryIds, distributorScopeWhere } from "./scope";

// 渠道布局: the territory tree with the distributors per territory, channel density and uncovered
// sales territories, over the distributors the viewer sees (a channel manager: the subtrees of
// their assigned territories).

export type LayoutNode = TerritoryNode &
  LayoutRow & {
    distributors: {
      id: string;
      code: string;
      name: string;
      stage: string;
      exclusive: boolean;
      active: boolean;
    }[];
  };

export async function loadChannelLayout(viewer: Viewer): Promise<LayoutNode[]> {
  const scoped = distributorScopeOf(viewer) === "territories";
  const [all, mine, coverage] = await Promise.all([
    db.territory.findMany({
      where: { deletedAt: null },
      select: {
        id: true,
        code: true,
        name: true,
        nameEn: true,
        level: true,
        parentId: true,
        teamId: true,
        team: { select: { id: true, name: true, nameZh: true } },
        version: true,
        deletedAt: true,
      },
    }),
    scoped ? channelTerritoryIds(viewer) : Promise.resolve(null),
    db.distributorTerritory.findMany({
      where: {
        deletedAt: null,
        distributor: { AND: [await distributorScopeWhere(viewer), { deletedAt: null }] },
      },
      select: {
        territoryId: true,
        exclusive: true,
        active: true,
        distributor: { select: { id: true, code: true, name: true, stage: true } },
      },
    }),
  ]);
  // A channel manager sees the tree below their assignments (their subtrees, as their own roots);
  // others the territories of the teams they see (so another region does not look uncovered).
  const teams = viewer.visibleTeamIds === "all" ? null : new Set(viewer.visibleTeamIds);
  const keep = mine
    ? new Set(mine)
    : teams
      ? new Set(all.filter((t) => t.teamId && teams.has(t.teamId)).map((t) => t.id))
      : null;
  const territories = toTreeOrder(
    keep
      ? all
          .filter((t) => keep.has(t.id))
          .map((t) => (t.parentId && keep.has(t.parentId) ? t : { ...t, parentId: null }))
      : all,
  );
  const rows = channelLayout(
    territories,
    coverage.map((c) => ({
      distributorId: c.distributor.id,
      territoryId: c.territoryId,
      exclusive: c.exclusive,
      active: c.active,
    })),
  );
  return territories.map((t, i) => ({
    ...t,
    ...rows[i]!,
    distributors: coverage
      .filter((c) => c.territoryId === t.id)
      .map((c) => ({ ...c.distributor, exclusive: c.exclusive, active: c.active }))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.code.localeCompare(b.code)),
  }));
}
