import "server-only";
import { db, type Tx } from "@/lib/db";
import { canEditDistributor, type Viewer } from "@/lib/domain/access";
import type { ConflictContext } from "@/lib/domain/channel-conflict-rules";
import { normaliseCode } from "@/lib/domain/channel-sales";
import { channelTerritoryIds } from "../distributors/scope";
import { loadConflictRules } from "./rules-sql";

// What a sales-report import looks things up in, loaded once per file (never per row): the
// distributors the importer may report for, products, and the conflict rules' context
// (rules-sql.ts: every distributor's coverage, floor prices, key accounts, the territory tree).

export type ImportDistributor = { id: string; name: string; ownerId: string; teamId: string };

export type ImportLookups = {
  distributorByCode: Map<string, ImportDistributor>;
  productByCode: Map<string, { id: string; name: string }>;
  resolveRegion: (text: string) => string | null;
  rules: ConflictContext;
};

export async function loadImportLookups(viewer: Viewer, client: Tx | typeof db = db): Promise<ImportLookups> {
  const [territoryIds, distributors, products, rules] = await Promise.all([
    channelTerritoryIds(viewer),
    client.distributor.findMany({
      where: { deletedAt: null },
      select: { id: true, code: true, name: true, ownerId: true, teamId: true, territoryId: true },
    }),
    client.product.findMany({ where: { deletedAt: null }, select: { id: true, code: true, name: true } }),
    loadConflictRules(client),
  ]);
  const distributorByCode = new Map<string, ImportDistributor>();
  for (const d of distributors) {
    if (!canEditDistributor(viewer, d, territoryIds)) continue;
    distributorByCode.set(normaliseCode(d.code), {
      id: d.id,
      name: d.name,
      ownerId: d.ownerId,
      teamId: d.teamId,
    });
  }
  const productByCode = new Map(products.map((p) => [normaliseCode(p.code), { id: p.id, name: p.name }]));
  return { distributorByCode, productByCode, resolveRegion: rules.resolveRegion, rules: rules.context };
}
