import "server-only";
import { db, type Tx } from "@/lib/db";
import { canEditDistributor, type Viewer } from "@/lib/domain/access";
import { normaliseCompanyName } from "@/lib/domain/account-import";
import { fromDbDate, chinaDate } from "@/lib/domain/calendar";
import type { AgreementVersionTerms, ConflictContext } from "@/lib/domain/channel-conflict-rules";
import { normaliseCode, regionResolver } from "@/lib/domain/channel-sales";
import { channelTerritoryIds } from "../distributors/scope";

// What a sales-report import looks things up in, loaded once per file (never per row): the
// distributors the importer may report for, products, the territory tree, every distributor's
// coverage (another's exclusive territory may lie outside the importer's scope), the floor prices
// of the agreements in effect, and the key accounts' credit codes and names.

export type ImportDistributor = { id: string; name: string; ownerId: string; teamId: string };

export type ImportLookups = {
  distributorByCode: Map<string, ImportDistributor>;
  productByCode: Map<string, { id: string; name: string }>;
  resolveRegion: (text: string) => string | null;
  rules: ConflictContext;
};

export async function loadImportLookups(viewer: Viewer, client: Tx | typeof db = db): Promise<ImportLookups> {
  const [territoryIds, distributors, products, territories, coverage, versions, accounts] = await Promise.all(
    [
      channelTerritoryIds(viewer),
      client.distributor.findMany({
        where: { deletedAt: null },
        select: { id: true, code: true, name: true, ownerId: true, teamId: true, territoryId: true },
      }),
      client.product.findMany({ where: { deletedAt: null }, select: { id: true, code: true, name: true } }),
      client.territory.findMany({
        where: { deletedAt: null },
        select: { id: true, code: true, name: true, nameEn: true, parentId: true },
      }),
      client.distributorTerritory.findMany({
        where: { deletedAt: null },
        select: { distributorId: true, territoryId: true, exclusive: true, active: true },
      }),
      client.channelAgreementVersion.findMany({
        where: { agreement: { deletedAt: null, status: { not: "DRAFT" } } },
        select: {
          id: true,
          number: true,
          startsOn: true,
          endsOn: true,
          createdAt: true,
          agreement: { select: { distributorId: true } },
          products: { select: { productId: true, floorPrice: true } },
        },
      }),
      // Our key accounts served directly: end customers we have not lost.
      client.account.findMany({
        where: { deletedAt: null, accountType: "END_CUSTOMER", lifecycle: { not: "LOST" } },
        select: { id: true, name: true, creditCode: true },
      }),
    ],
  );

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

  const parent = new Map(territories.map((t) => [t.id, t.parentId]));
  const coverageBy = new Map<string, string[]>();
  for (const d of distributors) coverageBy.set(d.id, [d.territoryId]);
  const holders = new Map<string, string[]>();
  for (const c of coverage) {
    coverageBy.get(c.distributorId)?.push(c.territoryId);
    if (c.exclusive && c.active)
      holders.set(c.territoryId, [...(holders.get(c.territoryId) ?? []), c.distributorId]);
  }
  const versionsBy = new Map<string, AgreementVersionTerms[]>();
  for (const v of versions) {
    const floors = new Map<string, bigint>();
    for (const p of v.products) if (p.floorPrice !== null) floors.set(p.productId, p.floorPrice);
    const list = versionsBy.get(v.agreement.distributorId) ?? [];
    list.push({
      id: v.id,
      number: v.number,
      startsOn: fromDbDate(v.startsOn),
      endsOn: fromDbDate(v.endsOn),
      madeOn: chinaDate(v.createdAt),
      floors,
    });
    versionsBy.set(v.agreement.distributorId, list);
  }
  const accountByCreditCode = new Map<string, string>();
  const accountByName = new Map<string, { id: string; creditCode: string | null }>();
  for (const a of accounts) {
    if (a.creditCode) accountByCreditCode.set(a.creditCode, a.id);
    accountByName.set(normaliseCompanyName(a.name), { id: a.id, creditCode: a.creditCode });
  }
  const none: never[] = [];
  return {
    distributorByCode,
    productByCode,
    resolveRegion: regionResolver(territories),
    rules: {
      parentOf: (id) => parent.get(id) ?? null,
      coverageOf: (id) => coverageBy.get(id) ?? none,
      exclusiveHoldersOf: (id) => holders.get(id) ?? none,
      agreementVersionsOf: (id) => versionsBy.get(id) ?? none,
      accountByCreditCode,
      accountByName,
    },
  };
}
