// The ledger (销售台账) as forms and URLs send it: a line typed by hand, and the list's filters.
import { z } from "zod";
import {
  LEDGER_KINDS,
  MAX_PRODUCT_LINE,
  cleanProductLine,
  parseDocumentNo,
  parseLedgerMonth,
} from "@/lib/domain/ledger";
import { parseYuan } from "@/lib/domain/money";
import { id, optionalText, queryId, queryInt, queryText, requiredText, version } from "./primitives";

const issue = (ctx: z.RefinementCtx, message: string, params?: Record<string, unknown>) => {
  ctx.addIssue({ code: "custom", message, params });
  return z.NEVER;
};

const AMOUNT_MESSAGES = {
  format: "validation.amount",
  negative: "validation.amountNegative",
  tooLarge: "validation.amountTooLarge",
  precision: "validation.amountPrecision",
} as const;

/** An ERP document number, folded to its canonical form (see parseDocumentNo). */
export const documentNo = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const r = parseDocumentNo(raw ?? "");
    return r.ok
      ? r.value
      : issue(ctx, r.problem === "required" ? "validation.required" : "validation.documentNo");
  });

/** A booking month ("2026-03" from <input type="month">) as its first day, YYYY-MM-01. */
export const ledgerMonth = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return issue(ctx, "validation.required");
    const r = parseLedgerMonth(raw);
    return r.ok
      ? r.month
      : issue(ctx, r.problem === "outOfRange" ? "validation.ledgerMonthRange" : "validation.ledgerMonth");
  });

/** An amount in yuan; negative for a credit note (红字发票) or a refund; zero is no booking. */
export const signedYuan = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return issue(ctx, "validation.required");
    const r = parseYuan(raw, { allowNegative: true });
    if (!r.ok) return issue(ctx, AMOUNT_MESSAGES[r.problem]);
    return r.fen === 0n ? issue(ctx, "validation.amount") : r.fen;
  });

export const productLine = requiredText(MAX_PRODUCT_LINE).transform(cleanProductLine);

const lineFields = {
  kind: z.enum(LEDGER_KINDS),
  documentNo,
  accountId: id,
  month: ledgerMonth,
  productLine,
  amount: signedYuan,
  note: optionalText(500),
};

export const createLedgerLineSchema = z.object(lineFields);
export const updateLedgerLineSchema = z.object({ id, version, ...lineFields });
export const ledgerLineRefSchema = z.object({ id, version });
export type LedgerLineInput = z.output<typeof createLedgerLineSchema>;

/** The admin switch: does the ledger drive the accounts' purchase volume? */
export const ledgerSettingsSchema = z.object({
  version,
  ledgerDrivesValue: z.enum(["on", "off"]).transform((v) => v === "on"),
});

const queryEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? "") ? (v as T[number]) : undefined))
    .catch(undefined);

/**
 * The list's URL (a contract with the dashboard's drill-downs): period / from / to are read by
 * parsePeriod, team / person by resolveKpiScope; the rest here. A bad value is dropped, never an error.
 */
export const ledgerListQuerySchema = z.object({
  period: queryText(20),
  from: queryText(10),
  to: queryText(10),
  team: queryId,
  person: queryId,
  account: queryId,
  tier: queryEnum(["A", "B", "C"] as const),
  kind: queryEnum(LEDGER_KINDS),
  product: queryText(MAX_PRODUCT_LINE),
  deleted: queryEnum(["1"] as const),
  page: queryInt(1, 100_000, 1),
});
export type LedgerListQuery = z.output<typeof ledgerListQuerySchema>;
