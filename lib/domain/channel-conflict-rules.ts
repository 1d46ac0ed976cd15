// 渠道冲突 detection over one sell-out line: 区域窜货 (a sale inside another distributor's exclusive
// territory), 价格竞争 (a price below the agreement's 最低限价) and 客户重叠 (an end customer who is
// one of our own key accounts, served directly). Pure: the context holds what the import preloaded
// (territory tree, coverage, agreements' floor prices, the accounts' codes and names).
import { normaliseCompanyName } from "./account-import";
import type { IsoDate } from "./calendar";
import { conflictOpenKey, type ConflictKindKey } from "./channel-conflict-keys";

export type SaleForRules = {
  distributorId: string;
  soldOn: IsoDate;
  /** The territory the sale was made in (its region text resolved), if known. */
  territoryId: string | null;
  productId: string;
  quantity: number;
  unitPrice: bigint;
  amount: bigint;
  customerName: string;
  customerCreditCode: string | null;
};

export type AgreementVersionTerms = {
  id: string;
  number: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The China date the version was made: a mid-year change applies from then on. */
  madeOn: IsoDate;
  /** Floor price (fen per unit) by product; products without one are absent. */
  floors: ReadonlyMap<string, bigint>;
};

export type ConflictContext = {
  /** The territory's parent, or null at the root. */
  parentOf: (territoryId: string) => string | null;
  /** The territories a distributor covers (home and coverage rows). */
  coverageOf: (distributorId: string) => readonly string[];
  /** Distributors holding an ACTIVE exclusive coverage of exactly this territory. */
  exclusiveHoldersOf: (territoryId: string) => readonly string[];
  /** The versions of the distributor's agreements in effect (not drafts), any order. */
  agreementVersionsOf: (distributorId: string) => readonly AgreementVersionTerms[];
  /** Key accounts by normalised credit code, and by normalised name (with their own code, if any). */
  accountByCreditCode: ReadonlyMap<string, string>;
  accountByName: ReadonlyMap<string, { id: string; creditCode: string | null }>;
};

export type CrossTerritoryEvidence = {
  territoryId: string | null;
  saleTerritoryId: string;
  exclusiveTerritoryId: string;
  exclusiveDistributorId: string;
};
export type FloorEvidence = { unitPrice: string; floorPrice: string; agreementVersionId: string };
export type OverlapEvidence = { accountId: string; matchedBy: "creditCode" | "name" };

export type ConflictDetection = {
  kind: ConflictKindKey;
  /** The offending distributor (the seller). */
  distributorId: string;
  /** The territory entered, the product under-priced, or the key account served. */
  subjectId: string;
  openKey: string;
  affectedDistributorId?: string;
  accountId?: string;
  territoryId?: string;
  productId?: string;
  amount: bigint;
  detail: CrossTerritoryEvidence | FloorEvidence | OverlapEvidence;
};

/** The territory and its ancestors, nearest first (cycles in bad data end the walk). */
export function territoryChain(territoryId: string, parentOf: ConflictContext["parentOf"]): string[] {
  const chain: string[] = [];
  for (let t: string | null = territoryId; t && !chain.includes(t); t = parentOf(t)) chain.push(t);
  return chain;
}

/**
 * 区域窜货: the sale's territory lies in (or below) another distributor's active exclusive
 * territory and outside every territory the seller covers. The nearest exclusive territory wins.
 */
export function crossTerritory(sale: SaleForRules, ctx: ConflictContext): ConflictDetection | null {
  if (!sale.territoryId) return null;
  const chain = territoryChain(sale.territoryId, ctx.parentOf);
  const own = new Set(ctx.coverageOf(sale.distributorId));
  if (chain.some((t) => own.has(t))) return null;
  for (const t of chain) {
    const holder = ctx.exclusiveHoldersOf(t).find((d) => d !== sale.distributorId);
    if (!holder) continue;
    return {
      kind: "CROSS_TERRITORY",
      distributorId: sale.distributorId,
      subjectId: t,
      openKey: conflictOpenKey("CROSS_TERRITORY", sale.distributorId, t),
      affectedDistributorId: holder,
      territoryId: t,
      amount: sale.amount,
      detail: {
        territoryId: t,
        saleTerritoryId: sale.territoryId,
        exclusiveTerritoryId: t,
        exclusiveDistributorId: holder,
      },
    };
  }
  return null;
}

/**
 * The agreement version in force on `date`: of the versions whose period holds the date, the
 * newest one already made by then (a mid-year change does not reach back); when none was made by
 * then (a version entered late), the oldest of them.
 */
export function versionInForce(
  versions: readonly AgreementVersionTerms[],
  date: IsoDate,
): AgreementVersionTerms | null {
  const covering = versions.filter((v) => v.startsOn <= date && date <= v.endsOn);
  if (!covering.length) return null;
  const made = covering.filter((v) => v.madeOn <= date);
  const pool = made.length ? made : covering;
  return pool.reduce((best, v) =>
    made.length
      ? v.madeOn > best.madeOn || (v.madeOn === best.madeOn && v.number > best.number)
        ? v
        : best
      : v.number < best.number
        ? v
        : best,
  );
}

/** 价格竞争: a sale (not a return) below the floor price of the version in force on the sale date. */
export function belowFloorPrice(sale: SaleForRules, ctx: ConflictContext): ConflictDetection | null {
  if (sale.quantity <= 0) return null;
  const version = versionInForce(ctx.agreementVersionsOf(sale.distributorId), sale.soldOn);
  const floor = version?.floors.get(sale.productId);
  if (floor === undefined || sale.unitPrice >= floor) return null;
  return {
    kind: "BELOW_FLOOR_PRICE",
    distributorId: sale.distributorId,
    subjectId: sale.productId,
    openKey: conflictOpenKey("BELOW_FLOOR_PRICE", sale.distributorId, sale.productId),
    productId: sale.productId,
    amount: sale.amount,
    detail: { unitPrice: String(sale.unitPrice), floorPrice: String(floor), agreementVersionId: version!.id },
  };
}

/**
 * The key account an end customer is: by credit code first; else by name, unless the account's
 * own credit code says it is another company.
 */
export function matchKeyAccount(
  customerName: string,
  creditCode: string | null,
  ctx: Pick<ConflictContext, "accountByCreditCode" | "accountByName">,
): OverlapEvidence | null {
  if (creditCode) {
    const id = ctx.accountByCreditCode.get(creditCode);
    if (id) return { accountId: id, matchedBy: "creditCode" };
  }
  const byName = ctx.accountByName.get(normaliseCompanyName(customerName));
  if (!byName) return null;
  if (creditCode && byName.creditCode && byName.creditCode !== creditCode) return null;
  return { accountId: byName.id, matchedBy: "name" };
}

/** 客户重叠: the end customer is one of our key accounts served directly. */
export function customerOverlap(sale: SaleForRules, ctx: ConflictContext): ConflictDetection | null {
  const match = matchKeyAccount(sale.customerName, sale.customerCreditCode, ctx);
  if (!match) return null;
  return {
    kind: "CUSTOMER_OVERLAP",
    distributorId: sale.distributorId,
    subjectId: match.accountId,
    openKey: conflictOpenKey("CUSTOMER_OVERLAP", sale.distributorId, match.accountId),
    accountId: match.accountId,
    amount: sale.amount,
    detail: match,
  };
}

/** Every conflict the sale reveals (none, one, or up to one of each kind). */
export function detectConflicts(sale: SaleForRules, ctx: ConflictContext): ConflictDetection[] {
  return [crossTerritory(sale, ctx), belowFloorPrice(sale, ctx), customerOverlap(sale, ctx)].filter(
    (d): d is ConflictDetection => d !== null,
  );
}
