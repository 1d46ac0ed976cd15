import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { availableActions, type ConflictAction, type ConflictRights } from "@/lib/domain/channel-conflicts";
import { notFound } from "@/lib/errors";
import { scopeWhere } from "@/lib/auth/permissions";
import { distributorScopeWhere } from "../distributors/scope";
import { conflictRightsFor } from "./shared";

// One conflict case as its page shows it: the case, its parties (offending distributor, affected
// distributor, key account), the evidence lines as the sales report gave them, the timeline of
// events, and what the viewer may do at its step.

const detailSelect = {
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
  detectedAutomatically: true,
  summary: true,
  causeAnalysis: true,
  outcome: true,
  outcomeAmount: true,
  outcomeNote: true,
  preventionNote: true,
  resolvedAt: true,
  resolvedById: true,
  evidenceCount: true,
  evidenceAmount: true,
  ownerId: true,
  version: true,
  createdAt: true,
  evidence: { select: { id: true, sellOutLineId: true, detail: true }, orderBy: { createdAt: "asc" } },
  events: {
    select: {
      id: true,
      actorId: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ChannelConflictSelect;

type CaseRow = Prisma.ChannelConflictGetPayload<{ select: typeof detailSelect }>;

export type EvidenceLine = {
  id: string;
  soldOn: Date;
  customerName: string;
  regionText: string | null;
  territory: { name: string; nameEn: string } | null;
  product: { name: string; nameEn: string; code: string } | null;
  quantity: number;
  unitPrice: bigint;
  amount: bigint;
  /** What the rule saw (price and floor, exclusive distributor, matched account). */
  detail: Prisma.JsonValue;
};

export type DistributorParty = { id: string; name: string; code: string; stage: string; territoryId: string };

export type ConflictDetail = Omit<CaseRow, "evidence"> & {
  evidence: EvidenceLine[];
  distributor: DistributorParty | null;
  affected: DistributorParty | null;
  account: { id: string; name: string } | null;
  territory: { name: string; nameEn: string } | null;
  product: { name: string; nameEn: string; code: string } | null;
  people: Map<string, string>;
  rights: ConflictRights;
  actions: ConflictAction[];
};

const partySelect = { id: true, name: true, code: true, stage: true, territoryId: true } as const;

/** The case `id` for its page: NOT_FOUND when deleted or neither party is in the viewer's scope. */
export async function getConflict(viewer: Viewer, id: string): Promise<ConflictDetail> {
  const c = await db.channelConflict.findFirst({ where: { id, deletedAt: null }, select: detailSelect });
  if (!c) throw notFound("conflict");
  const rights = await conflictRightsFor(db, viewer, c.distributorId, c.affectedDistributorId);
  if (!rights) throw notFound("conflict");

  const lineIds = c.evidence.map((e) => e.sellOutLineId);
  const [parties, lines, account, userRows] = await Promise.all([
    db.distributor.findMany({
      where: { id: { in: [c.distributorId, ...(c.affectedDistributorId ? [c.affectedDistributorId] : [])] } },
      select: partySelect,
    }),
    lineIds.length
      ? db.sellOutLine.findMany({
          where: { id: { in: lineIds } },
          select: {
            id: true,
            soldOn: true,
            customerName: true,
            regionText: true,
            territoryId: true,
            productId: true,
            quantity: true,
            unitPrice: true,
            amount: true,
          },
        })
      : Promise.resolve([]),
    c.accountId
      ? db.account.findUnique({ where: { id: c.accountId }, select: { id: true, name: true } })
      : null,
    db.user.findMany({
      where: {
        id: {
          in: [c.ownerId, c.resolvedById, ...c.events.map((e) => e.actorId)].filter((x): x is string => !!x),
        },
      },
      select: { id: true, name: true },
    }),
  ]);
  const territoryIds = [c.territoryId, ...lines.map((l) => l.territoryId)].filter((x): x is string => !!x);
  const productIds = [c.productId, ...lines.map((l) => l.productId)].filter((x): x is string => !!x);
  const [territories, products] = await Promise.all([
    db.territory.findMany({
      where: { id: { in: territoryIds } },
      select: { id: true, name: true, nameEn: true },
    }),
    db.product.findMany({
      where: { id: { in: productIds } },
      select: { id: true, name: true, nameEn: true, code: true },
    }),
  ]);
  const territory = new Map(territories.map((t) => [t.id, { name: t.name, nameEn: t.nameEn }]));
  const product = new Map(products.map((p) => [p.id, { name: p.name, nameEn: p.nameEn, code: p.code }]));
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const party = (pid: string | null) => parties.find((p) => p.id === pid) ?? null;

  const evidence: EvidenceLine[] = c.evidence.flatMap((e) => {
    const l = lineById.get(e.sellOutLineId);
    if (!l) return [];
    return [
      {
        id: l.id,
        soldOn: l.soldOn,
        customerName: l.customerName,
        regionText: l.regionText,
        territory: l.territoryId ? (territory.get(l.territoryId) ?? null) : null,
        product: product.get(l.productId) ?? null,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
        detail: e.detail,
      },
    ];
  });
  evidence.sort((a, b) => a.soldOn.getTime() - b.soldOn.getTime() || a.id.localeCompare(b.id));

  return {
    ...c,
    evidence,
    distributor: party(c.distributorId),
    affected: party(c.affectedDistributorId),
    account,
    territory: c.territoryId ? (territory.get(c.territoryId) ?? null) : null,
    product: c.productId ? (product.get(c.productId) ?? null) : null,
    people: new Map(userRows.map((u) => [u.id, u.name])),
    rights,
    actions: availableActions(c.status, rights),
  };
}

/** The distributors the viewer may see, for the queue's filter and the manual-case form. */
export async function conflictDistributorChoices(viewer: Viewer) {
  return db.distributor.findMany({
    where: { AND: [await distributorScopeWhere(viewer), { deletedAt: null }] },
    select: { id: true, name: true, code: true },
    orderBy: { code: "asc" },
  });
}

/** The choices of the manual-case form: the distributors the viewer keeps, territories, products. */
export async function openConflictOptions(viewer: Viewer) {
  const [distributors, territories, products, accounts] = await Promise.all([
    conflictDistributorChoices(viewer),
    db.territory.findMany({
      where: { deletedAt: null },
      select: { id: true, name: true, nameEn: true, code: true, level: true },
      orderBy: { code: "asc" },
    }),
    db.product.findMany({
      where: { deletedAt: null, active: true },
      select: { id: true, name: true, nameEn: true, code: true },
      orderBy: { code: "asc" },
    }),
    db.account.findMany({
      where: { AND: [scopeWhere(viewer), { deletedAt: null }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { distributors, territories, products, accounts };
}
