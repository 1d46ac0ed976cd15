// Importing the sales ledger (销售台账) from the ERP's CSV export: which column is which, and each
// row checked with the same rules as the form. Pure: the data layer matches accounts (by 统一社会
// 信用代码, then exact name, within the importer's scope) and compares with the lines already booked.
import { headerMapper, type HeaderMap } from "./csv-table";
import { normaliseCreditCode } from "./credit-code";
import {
  cleanProductLine,
  MAX_PRODUCT_LINE,
  parseDocumentNo,
  parseLedgerMonth,
  type LedgerKind,
} from "./ledger";
import { parseYuan } from "./money";
import { cleanText, textProblem } from "./text";

export const LEDGER_IMPORT_FIELDS = [
  "kind",
  "documentNo",
  "creditCode",
  "accountName",
  "month",
  "productLine",
  "amount",
  "note",
] as const;
export type LedgerImportField = (typeof LEDGER_IMPORT_FIELDS)[number];

export const LEDGER_TEMPLATE_HEADERS: Record<"en" | "zh-CN", Record<LedgerImportField, string>> = {
  en: {
    kind: "Type",
    documentNo: "Document number",
    creditCode: "Unified social credit code",
    accountName: "Company name",
    month: "Month",
    productLine: "Product line",
    amount: "Amount (yuan)",
    note: "Note",
  },
  "zh-CN": {
    kind: "类型",
    documentNo: "单据号",
    creditCode: "统一社会信用代码",
    accountName: "客户名称",
    month: "月份",
    productLine: "产品线",
    amount: "金额（元）",
    note: "备注",
  },
};

const ALIASES: Record<LedgerImportField, readonly string[]> = {
  kind: ["kind", "类别", "单据类型", "业务类型"],
  documentNo: ["documentno", "document", "docno", "invoiceno", "单号", "发票号", "单据编号", "凭证号"],
  creditCode: ["creditcode", "uscc", "信用代码", "税号"],
  accountName: ["account", "customer", "customername", "name", "企业名称", "公司名称", "客户"],
  month: ["period", "bookingmonth", "月份", "期间", "会计期间", "年月"],
  productLine: ["product", "productline", "产品", "产品类别"],
  amount: ["amount", "amountyuan", "value", "金额", "含税金额"],
  note: ["notes", "remark", "remarks", "说明"],
};

export const mapLedgerHeaders = headerMapper(
  LEDGER_IMPORT_FIELDS,
  [LEDGER_TEMPLATE_HEADERS.en, LEDGER_TEMPLATE_HEADERS["zh-CN"]],
  ALIASES,
);
export type LedgerHeaderMap = HeaderMap<LedgerImportField>;

const KIND_WORDS: Record<string, LedgerKind> = {
  revenue: "REVENUE",
  invoice: "REVENUE",
  收入: "REVENUE",
  开票: "REVENUE",
  开票收入: "REVENUE",
  销售收入: "REVENUE",
  发票: "REVENUE",
  collection: "COLLECTION",
  collections: "COLLECTION",
  receipt: "COLLECTION",
  payment: "COLLECTION",
  回款: "COLLECTION",
  收款: "COLLECTION",
};

/** "开票收入", "Revenue", "REVENUE", "回款" → the kind; anything else null. */
export function parseLedgerKind(text: string): LedgerKind | null {
  return KIND_WORDS[text.normalize("NFKC").trim().toLowerCase()] ?? null;
}

/** A row's problem: the column it is about and a message key under ledger.import.problems. */
export type LedgerRowProblem = { field: LedgerImportField | null; key: string };

export type ParsedLedgerRow = {
  kind: LedgerKind;
  documentNo: string;
  creditCode: string | null;
  accountName: string | null;
  month: string; // YYYY-MM-01
  productLine: string;
  amount: bigint; // fen
  note: string | null;
};

export type LedgerImportRow = {
  row: number;
  raw: Partial<Record<LedgerImportField, string>>;
  line: ParsedLedgerRow | null;
  problems: LedgerRowProblem[];
};

/** A cell's text, or a problem when it holds what cannot be stored. */
function textCell(value: string, max: number): { ok: true; value: string } | { ok: false; key: string } {
  const v = cleanText(value);
  const problem = textProblem(v);
  if (problem) return { ok: false, key: problem };
  if (v.length > max) return { ok: false, key: "tooLong" };
  return { ok: true, value: v };
}

/** One row: every problem at once, so a person fixes the file in one go. */
export function validateLedgerRow(
  cells: readonly string[],
  row: number,
  header: LedgerHeaderMap,
): LedgerImportRow {
  const raw: Partial<Record<LedgerImportField, string>> = {};
  header.columns.forEach((field, i) => {
    if (field) raw[field] = (cells[i] ?? "").trim();
  });
  const problems: LedgerRowProblem[] = [];
  const add = (field: LedgerImportField | null, key: string) => problems.push({ field, key });

  const kind = parseLedgerKind(raw.kind ?? "");
  if (!kind) add("kind", raw.kind ? "kind" : "required");
  const doc = parseDocumentNo(raw.documentNo ?? "");
  if (!doc.ok) add("documentNo", doc.problem === "required" ? "required" : "documentNo");

  const code = normaliseCreditCode(raw.creditCode ?? "");
  if (code && code.length !== 18) add("creditCode", "creditCode");
  const name = textCell(raw.accountName ?? "", 200);
  if (!name.ok) add("accountName", name.key);
  if (!code && !(name.ok && name.value)) add("accountName", "accountRequired");

  const month = parseLedgerMonth(raw.month ?? "");
  if (!month.ok)
    add("month", raw.month ? (month.problem === "outOfRange" ? "monthRange" : "month") : "required");

  const product = textCell(cleanProductLine(raw.productLine ?? ""), MAX_PRODUCT_LINE);
  if (!product.ok) add("productLine", product.key);
  else if (!product.value) add("productLine", "required");

  const amount = raw.amount ? parseYuan(raw.amount, { allowNegative: true }) : null;
  if (!amount) add("amount", "required");
  else if (!amount.ok) add("amount", `amount_${amount.problem}`);
  else if (amount.fen === 0n) add("amount", "amountZero");

  const note = textCell(raw.note ?? "", 500);
  if (!note.ok) add("note", note.key);

  const line =
    problems.length === 0
      ? {
          kind: kind!,
          documentNo: (doc as { value: string }).value,
          creditCode: code || null,
          accountName: (name as { value: string }).value || null,
          month: (month as { month: string }).month,
          productLine: (product as { value: string }).value,
          amount: (amount as { fen: bigint }).fen,
          note: (note as { value: string }).value || null,
        }
      : null;
  return { row, raw, line, problems };
}

/** Rows that book the same document twice (same kind and number): row → the other rows. */
export function duplicateDocumentRows(rows: readonly LedgerImportRow[]): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.line) continue;
    const key = `${r.line.kind}:${r.line.documentNo}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r.row]);
  }
  const out = new Map<number, number[]>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const row of list)
      out.set(
        row,
        list.filter((r) => r !== row),
      );
  }
  return out;
}

/** The fields of a booked line an import row would change (none: "unchanged"). */
export function ledgerChanges(
  line: ParsedLedgerRow & { accountId: string },
  existing: { accountId: string; month: string; productLine: string; amount: bigint; note: string | null },
): ("account" | "month" | "productLine" | "amount" | "note")[] {
  const out: ("account" | "month" | "productLine" | "amount" | "note")[] = [];
  if (line.accountId !== existing.accountId) out.push("account");
  if (line.month !== existing.month) out.push("month");
  if (line.productLine !== existing.productLine) out.push("productLine");
  if (line.amount !== existing.amount) out.push("amount");
  // An empty note in the file leaves the booked note alone (ERP exports often drop it).
  if (line.note !== null && line.note !== existing.note) out.push("note");
  return out;
}
