import { z } from "zod";
import { ACCOUNT_TYPES, MARK_ANSWERS, SIZE_BANDS, TIERS } from "@/lib/domain/account-kinds";
import { CREDIT_RATINGS, PAYMENT_RECORDS } from "@/lib/domain/account-value";
import { creditCodeProblem, normaliseCreditCode } from "@/lib/domain/credit-code";
import { INDUSTRIES } from "@/lib/domain/industries";
import { LIFECYCLE_STAGES } from "@/lib/domain/qualification";
import {
  checkbox,
  id,
  optionalDecimal,
  optionalEnum,
  optionalId,
  optionalInt,
  optionalText,
  optionalYuan,
  queryId,
  queryInt,
  queryNumber,
  queryText,
  requiredText,
  version,
  whenValid,
} from "./primitives";

/** An expected growth in percent, as typed ("12.5", "-3", "40%"). */
const growthPercent = optionalDecimal(-100, 1000, { percent: true });

export const creditCodeField = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const code = v ? normaliseCreditCode(v) : "";
    if (!code) return null;
    const problem = creditCodeProblem(code);
    if (problem) {
      ctx.addIssue({ code: "custom", message: `validation.creditCode_${problem}` });
      return z.NEVER;
    }
    return code;
  });

export const profileFields = {
  name: requiredText(120),
  creditCode: creditCodeField,
  legalRepresentative: optionalText(40),
  industry: optionalEnum(INDUSTRIES),
  sizeBand: optionalEnum(SIZE_BANDS),
  headcount: optionalInt(0, 10_000_000),
  annualRevenue: optionalYuan,
  shareholderBackground: optionalText(2000),
  orgStructureNotes: optionalText(2000),
  industryStanding: optionalText(2000),
  address: optionalText(200),
  website: optionalText(200),
  accountType: z.enum(ACCOUNT_TYPES).default("END_CUSTOMER"),
  territoryId: optionalId,
};

export const createAccountSchema = z.object({
  ...profileFields,
  ownerId: optionalId, // defaults to the creator
  confirmSimilar: checkbox, // "yes, it is not a duplicate"
});

export const updateProfileSchema = z.object({ ...profileFields, id, version });

export const valueInputsSchema = z.object({
  id,
  version,
  purchaseVolume: optionalYuan,
  categorySpend: optionalYuan,
  creditRating: optionalEnum(CREDIT_RATINGS),
  paymentRecord: optionalEnum(PAYMENT_RECORDS),
  expectedGrowth: growthPercent,
  loyalty: optionalInt(1, 5, "validation.rating"),
  industryInfluence: optionalInt(1, 5, "validation.rating"),
  strategicFit: optionalInt(1, 5, "validation.rating"),
  referenceValue: optionalInt(1, 5, "validation.rating"),
  urgency: optionalInt(1, 5, "validation.rating"),
  annualGrossProfit: optionalYuan,
  annualCostToServe: optionalYuan,
});

export const tierOverrideSchema = z
  .object({ id, version, tier: optionalEnum(TIERS), reason: optionalText(500) })
  .superRefine(
    (d, ctx) => {
      if (d.tier && !d.reason)
        ctx.addIssue({ code: "custom", path: ["reason"], message: "validation.reasonRequired" });
    },
    whenValid("tier", "reason"),
  );

const mark = z.enum(MARK_ANSWERS).default("UNKNOWN");
export const qualificationSchema = z.object({
  id,
  version,
  needMark: mark,
  needEvidence: optionalText(500),
  affordMark: mark,
  affordEvidence: optionalText(500),
  willingMark: mark,
  willingEvidence: optionalText(500),
  decideMark: mark,
  decideEvidence: optionalText(500),
});

export const lifecycleMoveSchema = z.object({
  id,
  version,
  to: z.enum(LIFECYCLE_STAGES),
  reason: optionalText(500),
});

export const SORTABLE = [
  "name",
  "compositeScore",
  "priorityScore",
  "tier",
  "updatedAt",
  "lifecycle",
  "healthScore",
] as const;

export const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => {
      const parts = (Array.isArray(v) ? v : (v ?? "").split(",")).map((s) => s.trim()).filter(Boolean);
      return parts.filter((p): p is T[number] => (values as readonly string[]).includes(p));
    })
    .catch([]);

const score = queryNumber(0, 100);

/** The account list's state, from the URL. Bad values fall back to defaults rather than erroring. */
export const accountListQuerySchema = z.object({
  q: queryText(100),
  tier: csv(TIERS),
  // 客户健康度 band, filtered like the tier
  health: csv(["HEALTHY", "WATCH", "AT_RISK"] as const),
  lifecycle: csv(LIFECYCLE_STAGES),
  industry: csv(INDUSTRIES),
  size: csv(SIZE_BANDS),
  territoryId: queryId,
  ownerId: queryId,
  scoreMin: score,
  scoreMax: score,
  sort: z.enum(SORTABLE).default("compositeScore").catch("compositeScore"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: queryInt(1, 1_000_000, 1),
  pageSize: queryInt(10, 200, 25),
  deleted: z.enum(["1"]).optional().catch(undefined),
});

export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const bulkSchema = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).filter(Boolean))
    .pipe(z.array(id).min(1).max(500)),
  ownerId: optionalId,
  tier: optionalEnum(TIERS),
  reason: optionalText(500),
});
