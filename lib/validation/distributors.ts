// What a distributor's forms and the board's moves may send: the profile (legal data with the
// credit-code check, money in 元/万元 as fen), the territories covered (with the exclusive flag),
// contacts, memos and a stage move.
import { z } from "zod";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import {
  DISTRIBUTOR_KINDS,
  DISTRIBUTOR_MODELS,
  DISTRIBUTOR_STAGES,
  MEMO_TOPICS,
} from "@/lib/domain/distributors";
import { creditCodeField } from "./accounts";
import {
  checkbox,
  id,
  optionalDate,
  optionalEnum,
  optionalInt,
  optionalText,
  optionalYuan,
  queryId,
  queryInt,
  queryText,
  requiredText,
  version,
} from "./primitives";

/** Ids from checkboxes or a multi-select (one string or many), distinct. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(z.array(id).max(200, { message: "validation.invalid" }))
  .transform((ids) => [...new Set(ids)]);

/** 成立日期: a real calendar day, not in the future. */
const foundedOn = optionalDate.refine((d) => d === null || fromDbDate(d) <= chinaDate(new Date()), {
  message: "validation.dateFuture",
});

export const distributorFields = {
  name: requiredText(120),
  kind: z.enum(DISTRIBUTOR_KINDS, { message: "validation.required" }),
  model: optionalEnum(DISTRIBUTOR_MODELS),
  creditCode: creditCodeField,
  legalRepresentative: optionalText(40),
  registeredCapital: optionalYuan,
  foundedOn,
  address: optionalText(200),
  shareholderBackground: optionalText(2000),
  organisation: optionalText(2000),
  localStrength: optionalText(2000),
  industryStanding: optionalText(2000),
  employees: optionalInt(0, 1_000_000),
  annualSales: optionalYuan,
  territoryId: id,
  /** The channel manager (owner); empty = the person saving. */
  ownerId: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(id.nullable()),
  /** Territories covered (checkboxes), and which of them exclusively. */
  coverage: idList,
  exclusive: idList,
};

/** Exclusive only where covered: an "exclusive" tick on an unticked territory is a form error. */
const coverageRule = <T extends { coverage: string[]; exclusive: string[] }>(v: T, ctx: z.RefinementCtx) => {
  if (v.exclusive.some((t) => !v.coverage.includes(t)))
    ctx.addIssue({ code: "custom", path: ["exclusive"], message: "validation.invalid" });
};

const withCoverage = <T extends { coverage: string[]; exclusive: string[] }>(v: T) => ({
  ...v,
  territories: v.coverage.map((territoryId) => ({
    territoryId,
    exclusive: v.exclusive.includes(territoryId),
  })),
});

export const createDistributorSchema = z
  .object(distributorFields)
  .superRefine(coverageRule)
  .transform(withCoverage);

export const updateDistributorSchema = z
  .object({ id, version, ...distributorFields })
  .superRefine(coverageRule)
  .transform(withCoverage);

export type CreateDistributorInput = z.output<typeof createDistributorSchema>;
export type UpdateDistributorInput = z.output<typeof updateDistributorSchema>;

export const distributorRefSchema = z.object({ id, version });

/** A move on the recruitment board (or "Move to…"), with an optional note. */
export const moveDistributorSchema = z.object({
  id,
  version,
  from: z.enum(DISTRIBUTOR_STAGES).optional(),
  to: z.enum(DISTRIBUTOR_STAGES, { message: "validation.invalid" }),
  note: optionalText(1000),
});
export type MoveDistributorInput = z.output<typeof moveDistributorSchema>;

const phone = optionalText(40).refine(
  (v) => v === null || /^[+(]?[\d\s()+\-]{3,}((转|ext\.?|x)\s*\d+)?$/i.test(v),
  { message: "validation.invalid" },
);
const email = optionalText(254)
  .transform((v) => v?.toLowerCase() ?? null)
  .pipe(z.email().nullable());

const contactFields = {
  name: requiredText(60),
  title: optionalText(80),
  phone,
  email,
  wechat: optionalText(60),
  isPrimary: checkbox,
  note: optionalText(1000),
};
export const createDistributorContactSchema = z.object({ distributorId: id, ...contactFields });
export const updateDistributorContactSchema = z.object({ id, version, ...contactFields });
export const distributorChildRefSchema = z.object({ id, version });

export const createDistributorMemoSchema = z.object({
  distributorId: id,
  topic: z.enum(MEMO_TOPICS, { message: "validation.required" }),
  body: requiredText(4000),
});
export const updateDistributorMemoSchema = z.object({
  id,
  version,
  topic: z.enum(MEMO_TOPICS, { message: "validation.required" }),
  body: requiredText(4000),
});

/** 渠道经理 ⇄ 区域 (admin): one assignment added or removed. */
export const channelAssignmentSchema = z.object({ userId: id, territoryId: id });
export const channelAssignmentRefSchema = z.object({ id });

// ── The list's URL ────────────────────────────────────────────────────────────────────────────

export const DISTRIBUTOR_SORTS = ["name", "code", "stage", "annualSales", "updatedAt"] as const;

export const distributorListQuerySchema = z.object({
  q: queryText(),
  stage: z.enum(DISTRIBUTOR_STAGES).optional().catch(undefined),
  kind: z.enum(DISTRIBUTOR_KINDS).optional().catch(undefined),
  territory: queryId,
  owner: queryId,
  sort: z.enum(DISTRIBUTOR_SORTS).default("updatedAt").catch("updatedAt"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: queryInt(1, 100_000, 1),
  pageSize: queryInt(10, 100, 25),
  deleted: z
    .string()
    .optional()
    .transform((v) => v === "1")
    .catch(false),
});
export type DistributorListQuery = z.output<typeof distributorListQuerySchema>;
