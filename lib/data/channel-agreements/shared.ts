import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { fromDbDate } from "@/lib/domain/calendar";
import type { AgreementStatus, AgreementTerms } from "@/lib/domain/channel-agreements";
import { parseRebateRules } from "@/lib/domain/rebates";
import { notFound } from "@/lib/errors";
import { loadDistributorFor, type DistributorRef } from "../distributors/scope";

// What the agreement modules share: loading an agreement through its distributor's scope, and
// reading a stored version back as the domain's terms.

export const versionSelect = {
  id: true,
  number: true,
  startsOn: true,
  endsOn: true,
  territoryId: true,
  annualTarget: true,
  quarterlyTargets: true,
  rebateRules: true,
  discountBp: true,
  marketSupportFund: true,
  deposit: true,
  paymentTermDays: true,
  creditLimit: true,
  changeNote: true,
  createdAt: true,
  createdById: true,
  products: { select: { productId: true, floorPrice: true }, orderBy: { productId: "asc" } },
} satisfies Prisma.ChannelAgreementVersionSelect;

export type StoredVersion = Prisma.ChannelAgreementVersionGetPayload<{ select: typeof versionSelect }>;

/** A stored version as the domain's terms (dates as China calendar days). */
export function termsOf(v: StoredVersion): AgreementTerms {
  return {
    startsOn: fromDbDate(v.startsOn),
    endsOn: fromDbDate(v.endsOn),
    territoryId: v.territoryId,
    annualTarget: v.annualTarget,
    quarterlyTargets: [...v.quarterlyTargets],
    rebateRules: parseRebateRules(v.rebateRules),
    discountBp: v.discountBp,
    marketSupportFund: v.marketSupportFund,
    deposit: v.deposit,
    paymentTermDays: v.paymentTermDays,
    creditLimit: v.creditLimit,
    products: v.products.map((p) => ({ productId: p.productId, floorPrice: p.floorPrice })),
  };
}

export type AgreementRef = {
  id: string;
  number: string;
  distributorId: string;
  status: AgreementStatus;
  currentVersionNo: number;
  version: number;
  distributor: DistributorRef;
};

/**
 * The agreement `id` for `action`, or NOT_FOUND when its distributor is outside the viewer's
 * scope (FORBIDDEN when they see it but may not change it) — an agreement follows its distributor.
 */
export async function loadAgreementFor(
  viewer: Viewer,
  id: string,
  action: "read" | "edit",
  tx: Tx = db,
): Promise<AgreementRef> {
  const a = await tx.channelAgreement.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      number: true,
      distributorId: true,
      status: true,
      currentVersionNo: true,
      version: true,
    },
  });
  if (!a) throw notFound("agreement");
  const distributor = await loadDistributorFor(viewer, a.distributorId, action, { tx });
  return { ...a, distributor };
}
