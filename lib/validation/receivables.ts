import { z } from "zod";
import { AGEING_BUCKETS } from "@/lib/domain/receivables";
import {
  id,
  optionalDate,
  optionalText,
  queryDate,
  queryId,
  queryInt,
  queryText,
  requiredDate,
  requiredText,
  requiredYuan,
  version,
  whenValid,
} from "./primitives";

// Forms and URL parameters of credit and receivables (信用与应收账款). Amounts arrive as yuan and
// leave as fen; dates as China calendar days (their stored form).

/** A record chosen from a list: nothing chosen says "required", not "invalid". */
const chosenId = z
  .string({ message: "validation.required" })
  .trim()
  .min(1, { message: "validation.required" })
  .pipe(id);

const positiveYuan = requiredYuan.refine((fen) => fen > 0n, {
  message: "validation.amountMin",
  params: { min: 0.01 },
});

/** A new invoice (应收单): the due date defaults to the agreement's payment term when left empty. */
export const createInvoiceSchema = z
  .object({
    distributorId: chosenId,
    issuedOn: requiredDate,
    dueOn: optionalDate,
    amount: positiveYuan,
    note: optionalText(500),
  })
  .refine((v) => v.dueOn === null || v.dueOn.getTime() >= v.issuedOn.getTime(), {
    path: ["dueOn"],
    message: "validation.dateRange",
    ...whenValid("issuedOn", "dueOn"),
  });
export type CreateInvoiceInput = z.output<typeof createInvoiceSchema>;

/** Voiding (作废) keeps the invoice, with the reason, in the audit trail. */
export const voidInvoiceSchema = z.object({ id, version, reason: requiredText(500) });
export type VoidInvoiceInput = z.output<typeof voidInvoiceSchema>;

/** A list of one or more form values of the same name (one arrives as a string). */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string()).max(200, { message: "validation.invalid" }));

/**
 * A payment (回款) and how it settles invoices: oldest due first, or the amounts typed beside each
 * invoice (`invoiceId[k]`, `allocation[k]`, `invoiceVersion[k]` line up; empty amounts are skipped).
 */
export const recordPaymentSchema = z
  .object({
    distributorId: id,
    receivedOn: requiredDate,
    amount: positiveYuan,
    method: optionalText(40),
    note: optionalText(500),
    mode: z.enum(["oldest", "explicit"]).catch("oldest"),
    invoiceId: many,
    allocation: many,
    invoiceVersion: many,
  })
  .transform((v, ctx) => {
    const lines: { invoiceId: string; amount: bigint; version: number }[] = [];
    if (v.mode === "explicit") {
      for (const [k, raw] of v.allocation.entries()) {
        if (!raw.trim()) continue;
        const parsed = requiredYuan.safeParse(raw);
        const invoice = id.safeParse(v.invoiceId[k] ?? "");
        const ver = version.safeParse(v.invoiceVersion[k] ?? "");
        if (!parsed.success || !invoice.success || !ver.success || parsed.data <= 0n) {
          ctx.addIssue({ code: "custom", path: ["allocation"], message: "validation.amount" });
          return z.NEVER;
        }
        lines.push({ invoiceId: invoice.data, amount: parsed.data, version: ver.data });
      }
      if (!lines.length) {
        ctx.addIssue({ code: "custom", path: ["allocation"], message: "validation.required" });
        return z.NEVER;
      }
    }
    return {
      distributorId: v.distributorId,
      receivedOn: v.receivedOn,
      amount: v.amount,
      method: v.method,
      note: v.note,
      allocations: v.mode === "explicit" ? lines : null,
    };
  });
export type RecordPaymentInput = z.output<typeof recordPaymentSchema>;

/** A channel manager asks for a new credit limit (授信申请). */
export const requestCreditSchema = z.object({
  distributorId: chosenId,
  requestedLimit: requiredYuan,
  reason: requiredText(1000),
});
export type RequestCreditInput = z.output<typeof requestCreditSchema>;

/** A manager decides a request; a rejection says why. */
export const decideCreditSchema = z
  .object({
    id,
    version,
    decision: z.enum(["approve", "reject"], { message: "validation.invalidOption" }),
    note: optionalText(1000),
  })
  .refine((v) => v.decision !== "reject" || v.note !== null, {
    path: ["note"],
    message: "validation.reasonRequired",
    ...whenValid("decision", "note"),
  });
export type DecideCreditInput = z.output<typeof decideCreditSchema>;

// ── URL parameters ────────────────────────────────────────────────────────────────────────────

export const INVOICE_SORTS = ["dueOn", "issuedOn", "invoiceNo", "amount", "open"] as const;
export const INVOICE_STATUS_FILTERS = ["OPEN", "PAID", "VOID", "overdue"] as const;

/** The invoice list's filters (the dashboard's drill-down lands here); bad values fall back. */
export const invoiceListQuerySchema = z.object({
  bucket: z.enum(AGEING_BUCKETS).optional().catch(undefined),
  distributor: queryId,
  status: z.enum(INVOICE_STATUS_FILTERS).optional().catch(undefined),
  q: queryText(40),
  asOf: queryDate,
  sort: z.enum(INVOICE_SORTS).catch("dueOn").default("dueOn"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: queryInt(1, 100_000, 1),
  pageSize: queryInt(10, 100, 25),
});
export type InvoiceListQuery = z.output<typeof invoiceListQuerySchema>;

export const ageingQuerySchema = z.object({ asOf: queryDate, team: queryId });
export const creditListQuerySchema = z.object({
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "WITHDRAWN"]).optional().catch(undefined),
  distributor: queryId,
});
