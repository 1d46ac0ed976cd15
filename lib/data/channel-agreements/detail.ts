import "server-only";
import { db } from "@/lib/db";
import { canEditDistributor, hasCapability, type Viewer } from "@/lib/domain/access";
import {
  canRunAgreementCommand,
  termChanges,
  type AgreementTerms,
  type TermChange,
} from "@/lib/domain/channel-agreements";
import { channelTerritoryIds, distributorScopeWhere, loadDistributorFor } from "../distributors/scope";
import { loadAgreementFor, termsOf, versionSelect } from "./shared";

export type AgreementVersionView = {
  id: string;
  number: number;
  terms: AgreementTerms;
  changeNote: string | null;
  createdAt: Date;
  createdBy: string | null;
  /** What this version changed from the one before (empty for version 1). */
  changes: TermChange[];
};

/** An agreement with every version (newest first), the names the screen shows, and what the viewer may do. */
export async function getAgreement(viewer: Viewer, id: string) {
  const ref = await loadAgreementFor(viewer, id, "read");
  const [a, territories] = await Promise.all([
    db.channelAgreement.findUniqueOrThrow({
      where: { id: ref.id },
      select: {
        id: true,
        number: true,
        status: true,
        currentVersionNo: true,
        signedAt: true,
        terminatedAt: true,
        version: true,
        createdAt: true,
        distributor: { select: { id: true, code: true, name: true, stage: true } },
        versions: { select: versionSelect, orderBy: { number: "asc" } },
      },
    }),
    channelTerritoryIds(viewer),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: a.versions.map((v) => v.createdById).filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const productIds = [...new Set(a.versions.flatMap((v) => v.products.map((p) => p.productId)))];
  const territoryIds = [...new Set(a.versions.map((v) => v.territoryId).filter((x): x is string => !!x))];
  const [products, territoryRows] = await Promise.all([
    db.product.findMany({
      where: { id: { in: productIds } },
      select: { id: true, name: true, nameEn: true, unit: true, listPrice: true },
    }),
    db.territory.findMany({
      where: { id: { in: territoryIds } },
      select: { id: true, name: true, nameEn: true },
    }),
  ]);
  const views: AgreementVersionView[] = a.versions.map((v, i) => ({
    id: v.id,
    number: v.number,
    terms: termsOf(v),
    changeNote: v.changeNote,
    createdAt: v.createdAt,
    createdBy: v.createdById ? (names.get(v.createdById) ?? null) : null,
    changes: i === 0 ? [] : termChanges(termsOf(a.versions[i - 1]!), termsOf(v)),
  }));
  const edit = canEditDistributor(viewer, ref.distributor, territories);
  const { versions: _omit, ...agreement } = a;
  void _omit;
  return {
    agreement,
    versions: [...views].reverse(),
    products: new Map(products.map((p) => [p.id, p])),
    territories: new Map(territoryRows.map((x) => [x.id, x])),
    current: views.find((v) => v.number === a.currentVersionNo) ?? views[0],
    rights: {
      changeTerms: edit && canRunAgreementCommand(a.status, "changeTerms"),
      sign: edit && canRunAgreementCommand(a.status, "sign"),
      terminate: edit && canRunAgreementCommand(a.status, "terminate"),
    },
  };
}

/** What the terms form offers: the distributor, the active products with list prices, its territories. */
export async function agreementFormOptions(viewer: Viewer, distributorId: string) {
  const d = await loadDistributorFor(viewer, distributorId, "edit");
  const [distributor, products, coverage] = await Promise.all([
    db.distributor.findUniqueOrThrow({
      where: { id: d.id },
      select: {
        id: true,
        code: true,
        name: true,
        stage: true,
        creditLimit: true,
        territory: { select: { id: true, name: true, nameEn: true } },
      },
    }),
    db.product.findMany({
      where: { deletedAt: null, active: true },
      select: { id: true, code: true, name: true, nameEn: true, unit: true, listPrice: true },
      orderBy: { code: "asc" },
    }),
    db.distributorTerritory.findMany({
      where: { distributorId: d.id, deletedAt: null },
      select: { territory: { select: { id: true, name: true, nameEn: true } } },
    }),
  ]);
  const territories = new Map([[distributor.territory.id, distributor.territory]]);
  for (const c of coverage) territories.set(c.territory.id, c.territory);
  return { distributor, products, territories: [...territories.values()] };
}

/** The distributors the viewer may write agreements for (the "new agreement" chooser). */
export async function distributorsForNewAgreement(viewer: Viewer) {
  return db.distributor.findMany({
    where: { deletedAt: null, ...(await distributorScopeWhere(viewer)), stage: { not: "TERMINATED" } },
    select: { id: true, code: true, name: true, stage: true },
    orderBy: { code: "asc" },
    take: 500,
  });
}

export const mayWriteAgreements = (viewer: Viewer) => hasCapability(viewer, "channel.write");
