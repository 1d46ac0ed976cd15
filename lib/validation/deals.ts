import { z } from "zod";
import { BOARD_COLUMNS, DEAL_STAGES, type BoardColumn } from "@/lib/domain/pipeline";
import { checkIsoDate } from "@/lib/domain/calendar";
import { fenToYuan, parseYuan } from "@/lib/domain/money";
import { cleanText, textProblem } from "@/lib/domain/text";
import { MARK_ANSWERS, TIERS } from "@/lib/domain/account-kinds";
import {
  checkbox,
  id,
  optionalDate,
  optionalId,
  optionalInt,
  optionalText,
  optionalYuan,
  queryDate,
  queryId,
  queryInt,
  queryText,
  requiredInt,
  requiredText,
  requiredYuan,
  version,
  whenValid,
} from "./primitives";

export const COOPERATION_MODES = ["DIRECT_SUPPLY", "DISTRIBUTION", "OEM", "STRATEGIC", "PROJECT"] as const;

/**
 * A repeated form field ("obstacle" typed in several rows) as a list; one value arrives as a string.
 * Each row is cleaned like any text field; a row with characters that cannot be stored is refused.
 */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const rows = (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(cleanText);
    if (rows.length > 200) {
      ctx.addIssue({ code: "custom", message: "validation.tooMany", params: { max: 200 } });
      return z.NEVER;
    }
    if (rows.some((row) => textProblem(row))) {
      ctx.addIssue({ code: "custom", message: "validation.unstorable" });
      return z.NEVER;
    }
    return rows;
  });

const dealFields = {
  title: requiredText(120),
  expectedValue: requiredYuan,
  expectedCloseDate: optionalDate,
  products: optionalText(1000),
};

export const createDealSchema = z.object({ accountId: id, ownerId: optionalId, ...dealFields });
export const updateDealSchema = z.object({ id, version, ...dealFields });

// ── Stage work, one form per stage ───────────────────────────────────────────────────────────────

const mark = z.enum(MARK_ANSWERS).default("UNKNOWN");

export const targetWorkSchema = z.object({
  id,
  version,
  potentialNeed: optionalText(2000),
  needUrgency: optionalInt(1, 5, "validation.rating"),
  initialCommunication: optionalText(2000),
  businessCondition: optionalText(2000),
  opportunity: mark,
});

export const informationWorkSchema = z.object({
  id,
  version,
  sampleItem: optionalText(200),
  sampleSentOn: optionalDate,
  sampleSpecAgreed: checkbox,
  sampleAccepted: mark,
  sampleTechOwner: optionalText(60),
  informationSufficient: checkbox,
  needsClear: checkbox,
});

/** Obstacles and programme steps arrive as parallel lists (one form row each); blank rows are dropped. */
export const valueWorkSchema = z
  .object({
    id,
    version,
    closeProbability: optionalInt(0, 100),
    expectedDevCost: optionalYuan,
    obstacle: list,
    counterMeasure: list,
    step: list,
    stepOwnerId: list,
    stepDue: list,
    stepDone: list, // the indexes of the rows ticked done
  })
  .transform((v, ctx) => {
    const obstacles = v.obstacle
      .map((obstacle, i) => ({ obstacle, counterMeasure: v.counterMeasure[i] ?? "" }))
      .filter((o) => o.obstacle || o.counterMeasure);
    for (const o of obstacles) {
      if (!o.obstacle || !o.counterMeasure)
        ctx.addIssue({ code: "custom", path: ["obstacles"], message: "gate.errors.obstacleIncomplete" });
      if (o.obstacle.length > 500 || o.counterMeasure.length > 500)
        ctx.addIssue({
          code: "custom",
          path: ["obstacles"],
          message: "validation.tooLong",
          params: { max: 500 },
        });
    }
    const programme = v.step
      .map((step, i) => ({
        step,
        ownerId: v.stepOwnerId[i] ?? "",
        due: v.stepDue[i] ?? "",
        done: v.stepDone.includes(String(i)),
      }))
      .filter((s) => s.step || s.due);
    for (const s of programme) {
      if (!s.step || !s.ownerId || !checkIsoDate(s.due).ok)
        ctx.addIssue({ code: "custom", path: ["programme"], message: "gate.errors.stepIncomplete" });
      if (s.step.length > 500)
        ctx.addIssue({
          code: "custom",
          path: ["programme"],
          message: "validation.tooLong",
          params: { max: 500 },
        });
    }
    if (obstacles.length > 30 || programme.length > 50)
      ctx.addIssue({ code: "custom", path: ["_form"], message: "validation.tooManyRows" });
    return {
      id: v.id,
      version: v.version,
      closeProbability: v.closeProbability,
      expectedDevCost: v.expectedDevCost,
      obstacles,
      programme,
    };
  });

export const closingWorkSchema = z.object({
  id,
  version,
  seniorMeetingHeld: checkbox,
  siteAuditDone: checkbox,
  systemSupportArranged: checkbox,
});

// ── Moves ────────────────────────────────────────────────────────────────────────────────────────

export const moveDealSchema = z.object({
  id,
  version,
  /** The stage the person saw the deal in: a move from anywhere else is refused, never re-aimed. */
  from: z.enum(DEAL_STAGES).optional(),
  to: z.enum([...DEAL_STAGES, "LOST"]),
  overrideReason: optionalText(1000),
  lostReasonId: optionalId,
  note: optionalText(1000),
});

/** The stage work the board's panel shows: the deal's current stage, or what a move to `to` needs. */
export const stageWorkQuerySchema = z.object({ id, to: z.enum([...DEAL_STAGES, "WON"]).optional() });

/** A decision maker's relationship raised where the 关系建立 gate asks for it (dealId: the page to refresh). */
export const decisionMakerRelationshipSchema = z.object({
  id,
  version,
  dealId: id,
  relationshipStrength: requiredInt(1, 5, "validation.rating"),
  approach: optionalText(2000),
});

export const agreementFields = {
  startDate: optionalDate,
  endDate: optionalDate,
  serviceContent: requiredText(2000),
  pricingPolicy: requiredText(2000),
  cooperationMode: z.enum(COOPERATION_MODES),
  contractValue: requiredYuan,
};

function checkTerm(v: { startDate: Date | null; endDate: Date | null }, ctx: z.RefinementCtx) {
  if (!v.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "validation.required" });
  if (!v.endDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.required" });
  if (v.startDate && v.endDate && v.endDate <= v.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.dateRange" });
}

export const winDealSchema = z
  .object({ id, version, overrideReason: optionalText(1000), applyToValue: checkbox, ...agreementFields })
  .superRefine(checkTerm, whenValid("startDate", "endDate"));

export const agreementSchema = z
  .object({ id, version, ...agreementFields })
  .superRefine(checkTerm, whenValid("startDate", "endDate"));

export const terminateDealSchema = z.object({ id, version, reason: requiredText(1000) });

export const recordRefSchema = z.object({ id, version });

// ── Board filters (from the URL) ─────────────────────────────────────────────────────────────────

/** An amount filter in yuan from the URL ("50万" works too), or nothing. */
const money = z
  .string()
  .optional()
  .transform((v) => {
    const r = v ? parseYuan(v) : null;
    return r?.ok ? fenToYuan(r.fen)! : undefined;
  })
  .catch(undefined);
const tiers = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).filter((t): t is (typeof TIERS)[number] =>
      (TIERS as readonly string[]).includes(t),
    ),
  )
  .catch([]);

/** Board and list filters; anything malformed in the URL is ignored rather than an error page. */
export const boardFiltersSchema = z.object({
  ownerId: queryId,
  teamId: queryId,
  tier: tiers,
  valueMin: money,
  valueMax: money,
  closeFrom: queryDate,
  closeTo: queryDate,
  q: queryText(100),
});
export type BoardFilters = z.output<typeof boardFiltersSchema>;

/** What the list view (?view=list) sorts by, each with the direction a first click sorts in. */
export const DEAL_LIST_SORTS = {
  title: "asc",
  account: "asc",
  tier: "asc",
  stage: "asc",
  value: "desc",
  weighted: "desc",
  owner: "asc",
  days: "desc",
  close: "asc",
} as const;
export type DealListSort = keyof typeof DEAL_LIST_SORTS;
export const DEAL_LIST_PAGE_SIZE = 50;

/** The list view's sort and page from the URL; anything malformed falls back to the default. */
export const dealListQuerySchema = z.object({
  sort: z
    .enum(Object.keys(DEAL_LIST_SORTS) as [DealListSort, ...DealListSort[]])
    .default("value")
    .catch("value"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: queryInt(1, 100_000, 1),
});
export type DealListQuery = z.output<typeof dealListQuerySchema>;

/**
 * The board's next page of one column: the filters as the page's query string, and the last card the
 * column has (its value in yuan and id), after which the page starts.
 */
export const boardColumnPageSchema = z.object({
  query: z
    .string()
    .max(2000)
    // As the page reads its address (app/(app)/pipeline/page.tsx).
    .transform((q): Record<string, string | string[]> => Object.fromEntries(new URLSearchParams(q)))
    .pipe(boardFiltersSchema),
  column: z.enum(BOARD_COLUMNS as [BoardColumn, ...BoardColumn[]]),
  // Far above any deal (a bigint of fen holds 9.2e16 yuan), far below what would overflow it.
  after: z.object({ value: z.number().finite().min(0).max(1e15), id }),
});

export const pipelineSettingsSchema = z.object({
  version,
  staleDays: requiredInt(1, 365),
  minDecisionMakerStrength: requiredInt(1, 5),
  renewalWindowDays: requiredInt(1, 365),
});

export const lostReasonSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Z0-9_]+$/, "validation.invalid"),
  name: requiredText(60),
  nameEn: requiredText(60),
  sortOrder: optionalInt(0, 1000).transform((v) => v ?? 0),
});
export const updateLostReasonSchema = lostReasonSchema.extend({ id, version });
