// 销售台账: invoiced revenue (开票收入) and collections (回款) per account, month and product line,
// as the ERP books them. Pure rules: what a document number, a month and a product line may look
// like, and the month windows the account page and value scoring read.
import { daysInMonth, type IsoDate } from "./calendar";

export const LEDGER_KINDS = ["REVENUE", "COLLECTION"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const isLedgerKind = (v: unknown): v is LedgerKind =>
  typeof v === "string" && (LEDGER_KINDS as readonly string[]).includes(v);

/** ERP document numbers: "INV-2025-000123", "RCV/2026/17", "发票00012" is refused (letters are Latin). */
const DOCUMENT_NO = /^[A-Z0-9][A-Z0-9\-_/.]{0,39}$/;

export type DocumentNoResult = { ok: true; value: string } | { ok: false; problem: "required" | "format" };

/**
 * Reads a document number as people type or paste it: full-width characters folded (ＩＮＶ－１),
 * spaces dropped, letters upper-cased so "inv-1" and "INV-1" are one document — it is the import's
 * idempotency key, and a key that differs only in case would book the same invoice twice.
 */
export function parseDocumentNo(text: string): DocumentNoResult {
  const v = text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (!v) return { ok: false, problem: "required" };
  return DOCUMENT_NO.test(v) ? { ok: true, value: v } : { ok: false, problem: "format" };
}

export type MonthResult = { ok: true; month: IsoDate } | { ok: false; problem: "format" | "outOfRange" };

/** The years a ledger month may fall in (the ERP's history; a typo like 0225 or 20255 is refused). */
export const LEDGER_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A booking month as the first day of that month: "2026-03", "2026/3", "2026.03", "202603",
 * "2026年3月", or a whole date ("2026-03-15", what a spreadsheet makes of a month cell).
 */
export function parseLedgerMonth(text: string): MonthResult {
  const v = text.normalize("NFKC").trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(v) ??
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(v) ??
    /^(\d{4})(\d{2})$/.exec(v);
  if (!m) return { ok: false, problem: "format" };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return { ok: false, problem: "format" };
  if (year < LEDGER_YEARS.min || year > LEDGER_YEARS.max) return { ok: false, problem: "outOfRange" };
  // A whole date must be a real one: "2026-02-30" is a typo, not February.
  if (day > daysInMonth(year, month)) return { ok: false, problem: "format" };
  return { ok: true, month: `${year}-${String(month).padStart(2, "0")}-01` };
}

/** "2026-03-01" → "2026-03" (what the month field shows). */
export const monthKey = (month: IsoDate) => month.slice(0, 7);

/** The first day of the month `n` months after the one `month` starts (n may be negative). */
export function addMonths(month: IsoDate, n: number): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${year}-${String(mm + 1).padStart(2, "0")}-01`;
}

/**
 * The months value scoring reads while the ledger drives it: the last 12 COMPLETE months before
 * today's (China) month — the current month is still being invoiced and would understate a year.
 * `from` is inclusive, `to` exclusive (both first days of months).
 */
export function valueWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = `${today.slice(0, 7)}-01`;
  return { from: addMonths(to, -12), to };
}

/** The months of the account page's trend: the last `count` months, ending with today's month. */
export function trendMonths(today: IsoDate, count = 24): IsoDate[] {
  const last = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** A product line as typed: collapsed white space, 1–60 characters. */
export function cleanProductLine(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}
export const MAX_PRODUCT_LINE = 60;
