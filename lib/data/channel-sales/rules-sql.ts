// The conflict rules' context as loaded from the database, without "server-only": the import uses
// it through context.ts, and the demo seed (plain Node, where that marker throws) detects the
// planted conflicts with the very same rules.
import type { db, Tx } from "@/lib/db";
import { normaliseCompanyName } from "@/lib/domain/account-import";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import type { AgreementVersionTerms, ConflictContext } from "@/lib/domain/channel-conflict-rules";
import { regionResolver } from "@/lib/domain/channel-regions";

export async function loadConflictRules(
  client: Tx | typeof db,
): Promise<{ context: ConflictContext; resolveRegion: (text: string) => string | null }> {
  const [distributors, territories, coverage, versions, accounts] = await Promise.all([
    client.distributor.findMany({ where: { deletedAt: null }, select: { id: true, territoryId: true } }),
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
  ]);
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
    resolveRegion: regionResolver(territories),
    context: {
      parentOf: (id) => parent.get(id) ?? null,
      coverageOf: (id) => coverageBy.get(id) ?? none,
      exclusiveHoldersOf: (id) => holders.get(id) ?? none,
      agreementVersionsOf: (id) => versionsBy.get(id) ?? none,
      accountByCreditCode,
      accountByName,
    },
  };
}
