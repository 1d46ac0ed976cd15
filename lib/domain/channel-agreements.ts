// 渠道协议 (channel agreements): the rules for their terms, how two versions differ, and which
// status changes are allowed. Pure: the data layer and the forms both use these.
import { daysBetween, type IsoDate } from "./calendar";
import { rebateRulesProblem, type RebateRules } from "./rebates";

export const AGREEMENT_STATUSES = ["DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Limits of the terms (a typo guard, not policy). */
export const TERM_LIMITS = {
  maxDiscountBp: 5_000, // 50 %
  maxPaymentTermDays: 365,
} as const;

export type AgreementProductTerms = { productId: string; floorPrice: bigint | null };

export type AgreementTerms = {
  startsOn: IsoDate;
  endsOn: IsoDate;
  territoryId: string | null;
  annualTarget: bigint;
  quarterlyTargets: bigint[]; // four amounts, Q1…Q4 of the agreement year
  rebateRules: RebateRules;
  discountBp: number;
  marketSupportFund: bigint;
  deposit: bigint; // 保证金
  paymentTermDays: number;
  creditLimit: bigint;
  products: AgreementProductTerms[];
};

/** A field → message key map of what is wrong (empty when the terms are sound). */
export type TermProblems = Record<string, string>;

/**
 * Checks terms against each other and the price list: the period within one year, the quarters
 * adding up to the year, floor prices between 0 and list price, and the ranges of the money terms.
 */
export function termProblems(terms: AgreementTerms, listPrices: ReadonlyMap<string, bigint>): TermProblems {
  const p: TermProblems = {};
  const days = daysBetween(terms.startsOn, terms.endsOn);
  if (days < 0) p.endsOn = "channelAgreements.problems.endBeforeStart";
  // At most one year: it ends before the same day a year later (text compare works for 02-29 too).
  else if (terms.endsOn >= `${Number(terms.startsOn.slice(0, 4)) + 1}${terms.startsOn.slice(4)}`)
    p.endsOn = "channelAgreements.problems.longerThanYear";
  if (terms.annualTarget <= 0n) p.annualTarget = "channelAgreements.problems.targetPositive";
  if (terms.quarterlyTargets.length !== 4 || terms.quarterlyTargets.some((q) => q < 0n))
    p.quarterlyTargets = "channelAgreements.problems.quartersInvalid";
  else if (terms.quarterlyTargets.reduce((s, q) => s + q, 0n) !== terms.annualTarget)
    p.quarterlyTargets = "channelAgreements.problems.quartersSum";
  const rules = rebateRulesProblem(terms.rebateRules);
  if (rules) p.rebateBands = `channelAgreements.problems.${rules.problem}`;
  if (terms.discountBp < 0 || terms.discountBp > TERM_LIMITS.maxDiscountBp)
    p.discountBp = "channelAgreements.problems.discountRange";
  if (terms.marketSupportFund < 0n) p.marketSupportFund = "channelAgreements.problems.negative";
  if (terms.deposit < 0n) p.deposit = "channelAgreements.problems.negative";
  if (terms.creditLimit < 0n) p.creditLimit = "channelAgreements.problems.negative";
  if (terms.paymentTermDays < 0 || terms.paymentTermDays > TERM_LIMITS.maxPaymentTermDays)
    p.paymentTermDays = "channelAgreements.problems.paymentDaysRange";
  if (!terms.products.length) p.products = "channelAgreements.problems.noProducts";
  const seen = new Set<string>();
  for (const prod of terms.products) {
    const list = listPrices.get(prod.productId);
    if (list === undefined || seen.has(prod.productId)) {
      p.products = "channelAgreements.problems.productInvalid";
      continue;
    }
    seen.add(prod.productId);
    if (prod.floorPrice !== null && (prod.floorPrice < 0n || prod.floorPrice > list))
      p[`floor_${prod.productId}`] = "channelAgreements.problems.floorAboveList";
  }
  return p;
}

/** Splits an annual target evenly over four quarters (the remainder in Q4), for the form's default. */
export function evenQuarters(annual: bigint): bigint[] {
  const q = annual / 4n;
  return [q, q, q, annual - 3n * q];
}

// ── What changed between versions ─────────────────────────────────────────────────────────────

export type TermChange =
  | {
      field: keyof Omit<AgreementTerms, "products" | "rebateRules" | "quarterlyTargets">;
      from: string;
      to: string;
    }
  | { field: "quarterlyTargets" | "rebateRules"; from: string; to: string }
  | { field: "productAdded" | "productRemoved"; productId: string; floorPrice: string | null }
  | { field: "floorPrice"; productId: string; from: string | null; to: string | null };

const text = (v: bigint | number | string | null) => (v === null ? "" : String(v));
const bandsText = (r: RebateRules) =>
  `${r.period}:${r.bands.map((b) => `${b.fromBp}/${b.rateBp}`).join(",")}`;

/** The differences from `before` to `after`, in the order the terms form shows them. */
export function termChanges(before: AgreementTerms, after: AgreementTerms): TermChange[] {
  const out: TermChange[] = [];
  const scalar = [
    "startsOn",
    "endsOn",
    "territoryId",
    "annualTarget",
    "discountBp",
    "marketSupportFund",
    "deposit",
    "paymentTermDays",
    "creditLimit",
  ] as const;
  for (const f of scalar) {
    const a = text(before[f]);
    const b = text(after[f]);
    if (a !== b) out.push({ field: f, from: a, to: b });
  }
  const qa = before.quarterlyTargets.join(",");
  const qb = after.quarterlyTargets.join(",");
  if (qa !== qb) out.push({ field: "quarterlyTargets", from: qa, to: qb });
  const ra = bandsText(before.rebateRules);
  const rb = bandsText(after.rebateRules);
  if (ra !== rb) out.push({ field: "rebateRules", from: ra, to: rb });
  const old = new Map(before.products.map((p) => [p.productId, p.floorPrice]));
  const now = new Map(after.products.map((p) => [p.productId, p.floorPrice]));
  for (const [id, floor] of now) {
    if (!old.has(id))
      out.push({ field: "productAdded", productId: id, floorPrice: floor === null ? null : String(floor) });
    else if (text(old.get(id) ?? null) !== text(floor))
      out.push({
        field: "floorPrice",
        productId: id,
        from: old.get(id) == null ? null : String(old.get(id)),
        to: floor === null ? null : String(floor),
      });
  }
  for (const [id, floor] of old)
    if (!now.has(id))
      out.push({ field: "productRemoved", productId: id, floorPrice: floor === null ? null : String(floor) });
  return out;
}

// ── Status ────────────────────────────────────────────────────────────────────────────────────

export type AgreementCommand = "sign" | "terminate" | "expire" | "changeTerms";

const ALLOWED: Record<AgreementCommand, readonly AgreementStatus[]> = {
  sign: ["DRAFT"],
  terminate: ["ACTIVE"],
  expire: ["ACTIVE"],
  // A draft's terms are edited as new versions too, so the negotiation history stays readable.
  changeTerms: ["DRAFT", "ACTIVE"],
};

const RESULT: Record<Exclude<AgreementCommand, "changeTerms">, AgreementStatus> = {
  sign: "ACTIVE",
  terminate: "TERMINATED",
  expire: "EXPIRED",
};

/** May `command` run on an agreement in `status`? */
export function canRunAgreementCommand(status: AgreementStatus, command: AgreementCommand): boolean {
  return ALLOWED[command].includes(status);
}

/** The status after `command`, or null when the status does not allow it. */
export function nextAgreementStatus(
  status: AgreementStatus,
  command: Exclude<AgreementCommand, "changeTerms">,
): AgreementStatus | null {
  return canRunAgreementCommand(status, command) ? RESULT[command] : null;
}

/** The agreement number: QX-2026-0042. */
export function agreementNumber(year: number, seq: number): string {
  return `QX-${year}-${String(seq).padStart(4, "0")}`;
}

/** Does a version cover (overlap) the period [start, end]? */
export function versionCovers(
  v: { startsOn: IsoDate; endsOn: IsoDate },
  start: IsoDate,
  end: IsoDate,
): boolean {
  return v.startsOn <= end && v.endsOn >= start;
}
