// The forms of channel agreements (渠道协议), rebate statements (返点结算) and channel products,
// built from the shared primitives. The terms form sends repeated band rows (bandFrom/bandRate)
// and, per product, a checkbox `product_<id>` and a floor price `floor_<id>`.
import { z } from "zod";
import { parseYuan } from "@/lib/domain/money";
import { parsePeriodKey, type RebateBand } from "@/lib/domain/rebates";
import {
  id,
  optionalDecimal,
  optionalIsoDate,
  optionalText,
  queryId,
  requiredInt,
  requiredText,
  requiredYuan,
  version,
} from "./primitives";

/** A repeated form field as a list (one value arrives as a string, none as undefined). */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const requiredIsoDate = optionalIsoDate.transform((v, ctx) => {
  if (v !== null) return v;
  ctx.addIssue({ code: "custom", message: "validation.required" });
  return z.NEVER;
});

const percentToBp = (n: number) => Math.round(n * 100);
const PRODUCT_KEY = /^product_([A-Za-z0-9_-]{1,64})$/;

const termsShape = {
  startsOn: requiredIsoDate,
  endsOn: requiredIsoDate,
  territoryId: z
    .string()
    .optional()
    .transform((v) => (v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null)),
  annualTarget: requiredYuan,
  q1: requiredYuan,
  q2: requiredYuan,
  q3: requiredYuan,
  q4: requiredYuan,
  rebatePeriod: z.enum(["QUARTER", "YEAR"]).catch("QUARTER"),
  bandFrom: list,
  bandRate: list,
  discount: optionalDecimal(0, 50, { percent: true }),
  marketSupportFund: requiredYuan,
  deposit: requiredYuan,
  paymentTermDays: requiredInt(0, 365),
  creditLimit: requiredYuan,
};

type Ctx = z.RefinementCtx;

/** The band rows typed in percent; blank rows are dropped, a half-filled row is an error. */
function bandsFrom(from: string[], rate: string[], ctx: Ctx): RebateBand[] {
  const bands: RebateBand[] = [];
  const pct = /^\d{1,4}(\.\d{1,2})?$/;
  for (let i = 0; i < Math.max(from.length, rate.length); i++) {
    const f = (from[i] ?? "").trim().replace(/%$/, "");
    const r = (rate[i] ?? "").trim().replace(/%$/, "");
    if (!f && !r) continue;
    if (!pct.test(f) || !pct.test(r) || Number(r) > 100 || Number(f) > 10_000) {
      ctx.addIssue({
        code: "custom",
        path: ["rebateBands"],
        message: "channelAgreements.problems.bandInvalid",
      });
      return [];
    }
    bands.push({ fromBp: percentToBp(Number(f)), rateBp: percentToBp(Number(r)) });
  }
  return bands;
}

/** Products ticked in the form with their floor prices (blank = none). */
function productsFrom(raw: Record<string, unknown>, ctx: Ctx) {
  const out: { productId: string; floorPrice: bigint | null }[] = [];
  for (const key of Object.keys(raw)) {
    const productId = PRODUCT_KEY.exec(key)?.[1];
    if (!productId || !raw[key]) continue;
    const floorRaw = String(raw[`floor_${productId}`] ?? "").trim();
    if (!floorRaw) {
      out.push({ productId: productId, floorPrice: null });
      continue;
    }
    const r = parseYuan(floorRaw);
    if (!r.ok) ctx.addIssue({ code: "custom", path: [`floor_${productId}`], message: "validation.amount" });
    else out.push({ productId: productId, floorPrice: r.fen });
  }
  return out;
}

function toTerms(v: z.output<z.ZodObject<typeof termsShape>>, raw: Record<string, unknown>, ctx: Ctx) {
  return {
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    territoryId: v.territoryId,
    annualTarget: v.annualTarget,
    quarterlyTargets: [v.q1, v.q2, v.q3, v.q4],
    rebateRules: { period: v.rebatePeriod, bands: bandsFrom(v.bandFrom, v.bandRate, ctx) },
    discountBp: percentToBp(v.discount ?? 0),
    marketSupportFund: v.marketSupportFund,
    deposit: v.deposit,
    paymentTermDays: v.paymentTermDays,
    creditLimit: v.creditLimit,
    products: productsFrom(raw, ctx),
  };
}

export type TermsInput = ReturnType<typeof toTerms>;

/** Parses the terms part and keeps the raw object for the per-product fields. */
const withTerms = <S extends z.ZodRawShape>(extra: S) =>
  z.looseObject({ ...termsShape, ...extra }).transform((v, ctx) => {
    const parsed = v as unknown as z.output<z.ZodObject<typeof termsShape>> & z.output<z.ZodObject<S>>;
    return { ...parsed, terms: toTerms(parsed, v as Record<string, unknown>, ctx) };
  });

export const createAgreementSchema = withTerms({ distributorId: id });
export type CreateAgreementInput = { distributorId: string; terms: TermsInput };

export const changeTermsSchema = withTerms({ id, version, changeNote: requiredText(500) });
export type ChangeTermsInput = { id: string; version: number; changeNote: string; terms: TermsInput };

export const agreementRefSchema = z.object({ id, version });
export const terminateAgreementSchema = z.object({ id, version, note: requiredText(500) });

export const AGREEMENT_LIST_STATUSES = ["DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"] as const;
export const agreementListQuery = z.object({
  status: z.enum(AGREEMENT_LIST_STATUSES).optional().catch(undefined),
  distributorId: queryId,
});

// ── Rebate statements ─────────────────────────────────────────────────────────────────────────

export const periodKey = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const p = parsePeriodKey(raw ?? "");
    if (!p) {
      ctx.addIssue({ code: "custom", message: "channelAgreements.problems.periodKey" });
      return z.NEVER;
    }
    return p.key;
  });

export const computeStatementSchema = z.object({ distributorId: id, periodKey });
export const statementRefSchema = z.object({ id, version });
export const reviewStatementSchema = z.object({
  id,
  version,
  decision: z.enum(["APPROVE", "REJECT"]),
  note: optionalText(1000),
});

export const STATEMENT_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;
export const statementListQuery = z.object({
  status: z.enum(STATEMENT_STATUSES).optional().catch(undefined),
  distributorId: queryId,
});

// ── Channel products (admin) ──────────────────────────────────────────────────────────────────

export const productSchema = z.object({
  id: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  version: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null)),
  code: requiredText(40),
  name: requiredText(100),
  nameEn: requiredText(100),
  unit: requiredText(10),
  listPrice: requiredYuan,
});
export const productActiveSchema = z.object({ id, version, active: z.enum(["true", "false"]) });
